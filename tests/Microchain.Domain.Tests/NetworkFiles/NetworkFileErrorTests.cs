using Microchain.Domain.NetworkFiles;

namespace Microchain.Domain.Tests.NetworkFiles;

public sealed class NetworkFileErrorTests
{
    private const string File = "lyon.json";

    private static IReadOnlyList<FileError> Errors(string json)
    {
        var result = NetworkFile.Parse(json, File);
        Assert.False(result.Succeeded, "the file should have been refused");
        Assert.All(result.Errors, e => Assert.Equal(File, e.File));
        // Every error says where it is, except the closing note of a truncated list.
        Assert.All(result.Errors.Where(e => !e.Message.StartsWith("stopped after", StringComparison.Ordinal)), e => Assert.NotNull(e.Line));
        return result.Errors;
    }

    private static FileError Single(string json) => Assert.Single(Errors(json));

    /// <summary>A valid network with one node, sku, component, segment, customer, supplier, contract and vehicle.</summary>
    private static string Network(string node = "", string sku = "", string customer = "", string contract = "", string vehicle = "", string extra = "") => $$"""
        {
          "name": "test",
          "nodes": [
            {
              "id": "dc", "name": "DC", "kind": "centralDc",
              "location": { "lat": 45.7, "lon": 4.9 },
              "storage": { "ambientLiters": 1000, "chilledLiters": 10, "frozenLiters": 0, "slots": 10 }{{node}}
            },
            { "id": "box", "name": "Box", "kind": "locker", "location": { "lat": 45.75, "lon": 4.83 }, "storage": { "slots": 4 } }
          ],
          "skus": [
            { "id": "milk", "name": "Milk", "volumeMilliliters": 1000, "weightGrams": 1030{{sku}} }
          ],
          "components": [ { "id": "cap", "name": "Cap", "volumeMilliliters": 5 } ],
          "segments": [ { "id": "fast", "name": "Fast", "promise": { "mode": "delivery", "maxLeadTimeMinutes": 30 } } ],
          "customers": [
            { "id": "c1", "segmentId": "fast", "location": { "lat": 45.76, "lon": 4.84 }{{customer}} }
          ],
          "suppliers": [ { "id": "farm", "name": "Farm" } ],
          "contracts": [
            { "id": "k1", "supplierId": "farm", "skuId": "milk", "nodeId": "dc", "start": "2026-01-01", "end": "2026-03-31"{{contract}} }
          ],
          "vehicles": [
            { "id": "v1", "nodeId": "dc", "kind": "van", "capacityWeightGrams": 500000, "capacityVolumeMilliliters": 3000000, "capacityTotes": 40{{vehicle}} }
          ]{{extra}}
        }
        """;

    [Fact]
    public void Parse_baseNetwork_succeeds()
    {
        var result = NetworkFile.Parse(Network(), File);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Network.Nodes.Count);
        Assert.Equal(int.MaxValue, result.Network.Contracts[0].CapacityUnitsPerWeek);
        Assert.Null(result.Rules);
    }

    [Fact]
    public void Parse_syntaxError_reportsLineAndColumn()
    {
        var error = Single("{\n  \"name\": \"x\",\n  \"nodes\": [ , ]\n}");
        Assert.Equal(3, error.Line);
        Assert.Equal(14, error.Column);
        Assert.Null(error.Path);
        Assert.StartsWith("invalid JSON", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Parse_negativeStorage_pointsAtTheField()
    {
        var json = Network().Replace("\"chilledLiters\": 10", "\"chilledLiters\": -10");
        var error = Single(json);
        Assert.Equal("$.nodes[0].storage.chilledLiters", error.Path);
        Assert.Equal(LineOf(json, "\"chilledLiters\""), error.Line);
        Assert.Contains("must not be negative", error.Message);
    }

    [Fact]
    public void Parse_missingRequiredField_pointsAtTheObject()
    {
        var json = Network().Replace("\"name\": \"Milk\", ", "");
        var error = Single(json);
        Assert.Equal("$.skus[0].name", error.Path);
        Assert.Equal("is required", error.Message);
        Assert.Equal(LineOf(json, "\"id\": \"milk\""), error.Line);
    }

    [Fact]
    public void Parse_unknownEnumValue_listsTheKnownValues()
    {
        var error = Single(Network().Replace("\"kind\": \"van\"", "\"kind\": \"rocket\""));
        Assert.Equal("$.vehicles[0].kind", error.Path);
        Assert.Contains("cargoBike", error.Message);
        Assert.Contains("\"rocket\"", error.Message);
    }

    [Fact]
    public void Parse_numericEnum_isRefused()
    {
        var error = Single(Network().Replace("\"kind\": \"van\"", "\"kind\": 0"));
        Assert.Equal("$.vehicles[0].kind", error.Path);
    }

    [Fact]
    public void Parse_unknownProperty_isRefusedWithItsLine()
    {
        var json = Network().Replace("\"slots\": 4", "\"slots\": 4, \"chiledLiters\": 3");
        var error = Single(json);
        Assert.Equal("$.nodes[1].storage.chiledLiters", error.Path);
        Assert.Contains("not a known property", error.Message);
        Assert.Equal(LineOf(json, "chiledLiters"), error.Line);
    }

    [Fact]
    public void Parse_unknownPropertyWithOddName_usesBracketPath()
    {
        var error = Single(Network(extra: ",\n  \"my rules\": {}"));
        Assert.Equal("$['my rules']", error.Path);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Parse_propertyGivenTwice_isRefused()
    {
        var error = Single(Network(sku: ", \"valueCents\": 1, \"valueCents\": 2"));
        Assert.Equal("$.skus[0].valueCents", error.Path);
        Assert.Contains("more than once", error.Message);
    }

    [Theory]
    [InlineData(", \"pickCapacityPerHour\": 1.5", "$.nodes[0].pickCapacityPerHour", "whole number")]
    [InlineData(", \"pickCapacityPerHour\": \"12\"", "$.nodes[0].pickCapacityPerHour", "whole number")]
    [InlineData(", \"pickCapacityPerHour\": 3000000000", "$.nodes[0].pickCapacityPerHour", "whole number")]
    [InlineData(", \"hours\": { \"open\": \"7am\", \"close\": \"22:00\" }", "$.nodes[0].hours.open", "HH:mm")]
    [InlineData(", \"hours\": [ ]", "$.nodes[0].hours", "must be an object")]
    [InlineData(", \"lifecycle\": \"Open\"", "$.nodes[0].lifecycle", "planned, open, closing, closed")]
    [InlineData(", \"serviceRadiusMinutes\": 2000", "$.nodes[0].serviceRadiusMinutes", "service radius")]
    [InlineData(", \"costs\": { \"openingCostCents\": -1 }", "$.nodes[0].costs.openingCostCents", "must not be negative")]
    public void Parse_badNodeField_namesPathAndProblem(string fragment, string path, string message)
    {
        var error = Single(Network(node: fragment));
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData(", \"zone\": \"warm\"", "$.skus[0].zone")]
    [InlineData(", \"shelfLifeDays\": 0", "$.skus[0].shelfLifeDays")]
    [InlineData(", \"valueCents\": -5", "$.skus[0].valueCents")]
    [InlineData(", \"active\": \"yes\"", "$.skus[0].active")]
    [InlineData(", \"bom\": { \"lines\": [] }", "$.skus[0].bom.lines")]
    [InlineData(", \"bom\": { \"lines\": [ { \"componentId\": \"cap\", \"quantity\": 1 }, { \"componentId\": \"cap\", \"quantity\": 2 } ] }", "$.skus[0].bom.lines[1].componentId")]
    [InlineData(", \"bom\": { \"lines\": [ { \"componentId\": \"cap\", \"quantity\": 0 } ] }", "$.skus[0].bom.lines[0].quantity")]
    [InlineData(", \"bom\": { \"lines\": [ { \"componentId\": \"lid\", \"quantity\": 1 } ] }", "$.skus[0].bom.lines[0].componentId")]
    [InlineData(", \"bom\": { \"assemblySeconds\": 5 }", "$.skus[0].bom.lines")]
    public void Parse_badSkuField_namesPath(string fragment, string path)
    {
        var error = Single(Network(sku: fragment));
        Assert.Equal(path, error.Path);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("\"end\": \"2026-03-31\"", "\"end\": \"2025-12-31\"", "$.contracts[0].end", "before start")]
    [InlineData("\"start\": \"2026-01-01\"", "\"start\": \"01/02/2026\"", "$.contracts[0].start", "yyyy-MM-dd")]
    [InlineData("\"end\": \"2026-03-31\"", "\"end\": \"2026-03-31\", \"minimumOrderUnits\": 0", "$.contracts[0].minimumOrderUnits", "at least 1")]
    [InlineData("\"end\": \"2026-03-31\"", "\"end\": \"2026-03-31\", \"capacityUnitsPerWeek\": 0", "$.contracts[0].capacityUnitsPerWeek", "capacity must be positive")]
    public void Parse_badContractField_namesPath(string from, string to, string path, string message)
    {
        var error = Single(Network().Replace(from, to));
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("\"supplierId\": \"farm\"", "\"supplierId\": \"ranch\"", "$.contracts[0].supplierId", "unknown supplier 'ranch'")]
    [InlineData("\"skuId\": \"milk\"", "\"skuId\": \"eggs\"", "$.contracts[0].skuId", "unknown sku 'eggs'")]
    [InlineData("\"nodeId\": \"dc\", \"start\"", "\"nodeId\": \"dc2\", \"start\"", "$.contracts[0].nodeId", "unknown node 'dc2'")]
    [InlineData("\"segmentId\": \"fast\"", "\"segmentId\": \"slow\"", "$.customers[0].segmentId", "unknown segment 'slow'")]
    [InlineData("\"nodeId\": \"dc\", \"kind\"", "\"nodeId\": \"mfc\", \"kind\"", "$.vehicles[0].nodeId", "unknown node 'mfc'")]
    public void Parse_unknownReference_namesPath(string from, string to, string path, string message)
    {
        var json = Network();
        Assert.Contains(from, json);
        var error = Single(json.Replace(from, to));
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_lockerThatIsNotALocker_isRefused()
    {
        var error = Single(Network(customer: ", \"lockerId\": \"dc\""));
        Assert.Equal("$.customers[0].lockerId", error.Path);
        Assert.Contains("not a locker", error.Message);
        Assert.True(NetworkFile.Parse(Network(customer: ", \"lockerId\": \"box\""), File).Succeeded);
    }

    [Fact]
    public void Parse_lockerWithUnreadableKind_reportsOnlyTheKind()
    {
        var error = Single(Network(customer: ", \"lockerId\": \"box\"").Replace("\"kind\": \"locker\"", "\"kind\": \"lockr\""));
        Assert.Equal("$.nodes[1].kind", error.Path);
    }

    [Theory]
    [InlineData("\"lat\": 45.76", "\"lat\": 95.76", "$.customers[0].location.lat")]
    [InlineData("\"lon\": 4.84", "\"lon\": -184.84", "$.customers[0].location.lon")]
    [InlineData("\"lon\": 4.84", "\"lon\": 1e400", "$.customers[0].location.lon")]
    public void Parse_badCoordinates_namePath(string from, string to, string path)
    {
        var error = Single(Network().Replace(from, to));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Parse_duplicateId_namesTheSecond()
    {
        var json = Network().Replace("{ \"id\": \"box\"", "{ \"id\": \"dc\"");
        var errors = Errors(json);
        var duplicate = Assert.Single(errors, e => e.Message.Contains("duplicate id", StringComparison.Ordinal));
        Assert.Equal("$.nodes[1].id", duplicate.Path);
        Assert.Equal(LineOf(json, "{ \"id\": \"dc\""), duplicate.Line);
    }

    [Fact]
    public void Parse_vehicleWithoutCapacity_namesTheField()
    {
        var error = Single(Network().Replace("\"capacityTotes\": 40", "\"capacityTotes\": 0"));
        Assert.Equal("$.vehicles[0].capacityTotes", error.Path);
    }

    [Fact]
    public void Parse_blankName_isRefused()
    {
        var error = Single(Network().Replace("\"name\": \"Farm\"", "\"name\": \"  \""));
        Assert.Equal("$.suppliers[0].name", error.Path);
    }

    [Fact]
    public void Parse_idTooLong_namesTheId()
    {
        var error = Single(Network().Replace("\"id\": \"c1\"", $"\"id\": \"{new string('c', Limits.MaxIdLength + 1)}\""));
        Assert.Equal("$.customers[0].id", error.Path);
    }

    [Fact]
    public void Parse_severalProblems_reportsThemAll()
    {
        var json = Network(node: ", \"pickCapacityPerHour\": -1", sku: ", \"zone\": \"hot\"", vehicle: ", \"maxRouteMinutes\": 0")
            .Replace("\"segmentId\": \"fast\"", "\"segmentId\": \"slow\"");
        var paths = Errors(json).Select(e => e.Path ?? "").ToArray();
        Assert.Equal(["$.nodes[0].pickCapacityPerHour", "$.skus[0].zone", "$.customers[0].segmentId", "$.vehicles[0].maxRouteMinutes"], paths);
    }

    [Fact]
    public void Parse_manyErrors_stopsAtTheCapWithANote()
    {
        var customers = string.Join(",\n", Enumerable.Range(0, 150).Select(i => $"{{ \"id\": \"c{i}\", \"segmentId\": \"nope\", \"location\": {{ \"lat\": 1, \"lon\": 1 }} }}"));
        var errors = Errors($$"""{ "name": "x", "customers": [ {{customers}} ] }""");
        Assert.Equal(NetworkFileLimits.MaxErrors + 1, errors.Count);
        Assert.Contains("stopped after", errors[^1].Message);
        Assert.Equal("$.customers[99].segmentId", errors[^2].Path);
        Assert.Equal(100, errors[^2].Line);
    }

    [Fact]
    public void Parse_moreNodesThanTheLimit_isRefused()
    {
        var nodes = string.Join(",", Enumerable.Repeat("{}", NetworkFileLimits.MaxNodes + 1));
        var error = Single($$"""{ "name": "x", "nodes": [{{nodes}}] }""");
        Assert.Equal("$.nodes", error.Path);
        Assert.Contains($"limit is {NetworkFileLimits.MaxNodes}", error.Message);
    }

    [Fact]
    public void Parse_textOverTheSizeLimit_isRefusedWithoutParsing()
    {
        var result = NetworkFile.Parse(new string(' ', NetworkFileLimits.MaxFileBytes + 1), File);
        var error = Assert.Single(result.Errors);
        Assert.Equal((File, (int?)null), (error.File, error.Line));
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void Parse_multiByteTextJustOverTheLimit_isRefused()
    {
        // Half as many chars as the limit, but 'é' is two UTF-8 bytes: the byte count decides.
        var json = "\"" + new string('é', NetworkFileLimits.MaxFileBytes / 2) + "\"";
        var error = Assert.Single(NetworkFile.Parse(json, File).Errors);
        Assert.Contains($"the limit is {NetworkFileLimits.MaxFileBytes}", error.Message);
    }

    [Theory]
    [InlineData("[]", "$", "must be an object")]
    [InlineData("{ \"nodes\": [] }", "$.name", "is required")]
    [InlineData("{ \"name\": \"x\", \"formatVersion\": 2 }", "$.formatVersion", "not supported")]
    [InlineData("{ \"name\": \"x\", \"rules\": [] }", "$.rules", "must be an object")]
    [InlineData("{ \"name\": \"x\", \"nodes\": {} }", "$.nodes", "must be an array")]
    [InlineData("{ \"name\": \"x\", \"nodes\": [ 3 ] }", "$.nodes[0]", "must be an object")]
    public void Parse_badTopLevel_namesPath(string json, string path, string message)
    {
        var error = Single(json);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_rulesObject_isKeptAsWritten()
    {
        var result = NetworkFile.Parse(Network(extra: ",\n  \"rules\": { \"maxLines\": 40 }"), File);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(40, result.Rules!.Value.GetProperty("maxLines").GetInt32());
        Assert.Contains("\"maxLines\": 40", NetworkFile.Write(result.Network, result.Rules), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_byteOrderMark_isAccepted() => Assert.True(NetworkFile.Parse("\uFEFF" + Network(), File).Succeeded);

    [Fact]
    public void Write_rulesThatAreNotAnObject_throws()
    {
        using var array = System.Text.Json.JsonDocument.Parse("[]");
        Assert.Throws<ArgumentException>(() => NetworkFile.Write(new Network.NetworkModel { Name = "x" }, array.RootElement));
    }

    [Fact]
    public void FileError_toString_isCompilerStyle()
    {
        Assert.Equal("a.json:3:7: $.x: bad", new FileError("a.json", 3, "$.x", "bad") { Column = 7 }.ToString());
        Assert.Equal("a.json: too big", new FileError("a.json", null, null, "too big").ToString());
    }

    private static int LineOf(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' not in the text");
        return text.AsSpan(0, at).Count('\n') + 1;
    }
}
