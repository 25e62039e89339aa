using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests;

[Collection(ServerTestGroup.Name)]
public sealed class StockWriteTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (string NodeId, string SkuId, int OnHand, int Capacity) RoomyPosition(int index)
    {
        var level = server.City.Stock.Where(s => s.NodeId == server.City.CentralDcId && s.Capacity - s.OnHand >= 10).ElementAt(index);
        return (level.NodeId, level.SkuId, level.OnHand, level.Capacity);
    }

    private Task<HttpResponseMessage> Post(string path, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return server.Client.SendAsync(server.Authorized(HttpMethod.Post, path, content), Ct);
    }

    private async Task<int> OnHand(string nodeId, string skuId)
    {
        using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Get, $"/v1/nodes/{nodeId}/stock?limit=1000"), Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        return json.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("skuId").GetString() == skuId).GetProperty("onHand").GetInt32();
    }

    [Fact]
    public async Task Receipt_adds_to_on_hand()
    {
        var (node, sku, _, _) = RoomyPosition(0);
        var before = await OnHand(node, sku);
        using var response = await Post($"/v1/nodes/{node}/receipts", $$"""{"skuId":"{{sku}}","quantity":3,"reference":"PO-1"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 3, await OnHand(node, sku));
    }

    [Fact]
    public async Task Receipt_over_capacity_is_a_409_problem_and_changes_nothing()
    {
        var (node, sku, _, capacity) = RoomyPosition(1);
        var before = await OnHand(node, sku);
        using var response = await Post($"/v1/nodes/{node}/receipts", $$"""{"skuId":"{{sku}}","quantity":{{capacity}}}""");
        await ProblemAssert.IsProblem(response, 409);
        Assert.Equal(before, await OnHand(node, sku));
    }

    public static TheoryData<string, int> HostileBodies => new()
    {
        { """{"skuId":"SKU","quantity":-1}""", 422 },
        { """{"skuId":"SKU","quantity":0}""", 422 },
        { """{"skuId":"SKU","quantity":99999999999}""", 400 },
        { """{"skuId":"SKU","quantity":1,"extra":true}""", 400 },
        { """{"skuId":"SKU","quantity":1,"quantity":2}""", 400 },
        { """{"skuId":"SKU","quantity":1""", 400 },
        { """{"skuId":"NO-SUCH-SKU","quantity":1}""", 422 },
        { "[" + new string('[', 70) + new string(']', 70) + "]", 400 },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_receipt_is_a_4xx_problem_and_changes_nothing(string template, int status)
    {
        var (node, sku, _, _) = RoomyPosition(2);
        var before = await OnHand(node, sku);
        using var response = await Post($"/v1/nodes/{node}/receipts", template.Replace("\"SKU\"", $"\"{sku}\"", StringComparison.Ordinal));
        await ProblemAssert.IsProblem(response, status);
        Assert.Equal(before, await OnHand(node, sku));
    }

    [Fact]
    public async Task Oversize_body_is_a_413_problem()
    {
        var (node, sku, _, _) = RoomyPosition(2);
        var padding = new string(' ', 20 * 1024);
        using var response = await Post($"/v1/nodes/{node}/receipts", $$"""{"skuId":"{{sku}}",{{padding}}"quantity":1}""");
        await ProblemAssert.IsProblem(response, 413);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var (node, sku, _, _) = RoomyPosition(2);
        using var response = await Post($"/v1/nodes/{node}/receipts", $"skuId={sku}&quantity=1", "application/x-www-form-urlencoded");
        await ProblemAssert.IsProblem(response, 415);
    }

    [Fact]
    public async Task Malformed_utf8_is_a_400_problem()
    {
        var (node, _, _, _) = RoomyPosition(2);
        var bytes = Encoding.UTF8.GetBytes("""{"skuId":"X","quantity":1}""");
        bytes[10] = 0xC3; // a lead byte followed by an ASCII byte: invalid UTF-8
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await server.Client.SendAsync(server.Authorized(HttpMethod.Post, $"/v1/nodes/{node}/receipts", content), Ct);
        await ProblemAssert.IsProblem(response, 400);
    }
}
