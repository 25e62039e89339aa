using Microchain.Domain.NetworkFiles;

namespace Microchain.Domain.Tests.NetworkFiles;

public sealed class StockCsvTests
{
    private const string File = "stock.csv";

    private static FileError Single(string text, Network.NetworkModel? network = null)
    {
        var result = StockCsv.Parse(text, File, network);
        Assert.False(result.Succeeded, "the file should have been refused");
        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(File, error.File);
        return error;
    }

    [Fact]
    public void Parse_validFile_readsRows()
    {
        var result = StockCsv.Parse("node,sku,on_hand,capacity\r\nmfc-1,milk,12,40\r\n\r\nmfc-1, bread ,0,10\r\n", File);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal([new StockRow("mfc-1", "milk", 12, 40), new StockRow("mfc-1", "bread", 0, 10)], result.Rows);
    }

    [Fact]
    public void Parse_columnsInAnyOrderWithSafetyStock_readsRows()
    {
        var result = StockCsv.Parse("capacity,safety_stock,sku,node,on_hand\n40,5,milk,mfc-1,12\n", File);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new StockRow("mfc-1", "milk", 12, 40, 5), Assert.Single(result.Rows));
    }

    [Fact]
    public void Parse_quotedFields_keepCommasQuotesAndLineBreaks()
    {
        var result = StockCsv.Parse("node,sku,on_hand,capacity\n\"mfc, north\",\"the \"\"best\"\" milk\",1,2\n\"a\nb\",x,3,4\nz,y,5,6\n", File);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal([new StockRow("mfc, north", "the \"best\" milk", 1, 2), new StockRow("a\nb", "x", 3, 4), new StockRow("z", "y", 5, 6)], result.Rows);
    }

    [Theory]
    [InlineData("node,sku,on_hand,capacity\nm,s,-1,10\n", 2, 5, "on_hand", "must not be negative")]
    [InlineData("node,sku,on_hand,capacity\nm,s,1,ten\n", 2, 7, "capacity", "not a whole number")]
    [InlineData("node,sku,on_hand,capacity\nm,s,1.5,10\n", 2, 5, "on_hand", "not a whole number")]
    [InlineData("node,sku,on_hand,capacity\nm,s,1,100000001\n", 2, 7, "capacity", "above the limit")]
    [InlineData("node,sku,on_hand,capacity\nm,s,11,10\n", 2, 5, "on_hand", "outside 0..capacity")]
    [InlineData("node,sku,on_hand,capacity\nm, ,1,10\n", 2, 3, "sku", "must not be empty")]
    [InlineData("node,sku,on_hand,capacity,safety_stock\nm,s,1,10,-2\n", 2, 10, "safety_stock", "must not be negative")]
    [InlineData("node,sku,on_hand,capacity\nm,s,1,10\nm,s,2,10\n", 3, 3, "sku", "duplicate row for node 'm' and sku 's' (first on line 2)")]
    [InlineData("node,sku,on_hand\nm,s,1\n", 1, 1, "capacity", "lacks the column 'capacity'")]
    [InlineData("node,sku,on_hand,capacity,bin\nm,s,1,2,3\n", 1, 27, "bin", "unknown column 'bin'")]
    [InlineData("node,sku,on_hand,capacity,sku\nm,s,1,2,3\n", 1, 27, "sku", "appears twice")]
    public void Parse_badValue_namesLineColumnAndProblem(string text, int line, int column, string path, string message)
    {
        var error = Single(text);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("node,sku,on_hand,capacity\nm,s,1\n", 2, 1, "has 3 fields; the header has 4")]
    [InlineData("node,sku,on_hand,capacity\nm,\"s,1,2\n", 2, 3, "not closed")]
    [InlineData("node,sku,on_hand,capacity\nm,\"s\"x,1,2\n", 2, 6, "after a closing quote")]
    [InlineData("node,sku,on_hand,capacity\nm,s\"x,1,2\n", 2, 4, "stray '\"'")]
    [InlineData("", 1, 1, "file is empty")]
    public void Parse_badSyntax_namesLineAndColumn(string text, int line, int column, string message)
    {
        var error = Single(text);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_unknownNodeOrSku_isRefusedWhenGivenTheNetwork()
    {
        var network = SampleFilesTests.LoadSampleNetwork();
        var node = Single("node,sku,on_hand,capacity\nmfc-nowhere,milk-1l,1,2\n", network);
        Assert.Equal(("node", 2, 1), (node.Path, node.Line, node.Column));
        Assert.Contains("unknown node 'mfc-nowhere'", node.Message);
        var sku = Single("node,sku,on_hand,capacity\ndc-lyon,milk-2l,1,2\n", network);
        Assert.Equal(("sku", 2, 9), (sku.Path, sku.Line, sku.Column));
        Assert.Contains("unknown sku 'milk-2l'", sku.Message);
    }

    [Fact]
    public void Parse_manyBadRows_stopsAtTheCapWithANote()
    {
        var text = "node,sku,on_hand,capacity\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"m,s{i},x,1\n"));
        var result = StockCsv.Parse(text, File);
        Assert.Equal(NetworkFileLimits.MaxErrors + 1, result.Errors.Count);
        Assert.Contains("stopped after", result.Errors[^1].Message);
    }

    private static readonly Gen<string> Id = Gen.String[Gen.Char["ab09 ,\"\n-é"], 1, 8].Where(s => !string.IsNullOrWhiteSpace(s));

    [Fact]
    public void Write_thenParse_anyRows_readBackEqual()
    {
        var row = Gen.Select(Id, Id, Gen.Int[0, 1_000], Gen.Int[0, 1_000], Gen.Int[0, 50],
            (node, sku, a, b, safety) => new StockRow(node, sku, Math.Min(a, b), Math.Max(a, b), safety));
        row.Array[0, 20].Sample(rows =>
        {
            var unique = rows.DistinctBy(r => (r.NodeId, r.SkuId)).ToArray();
            var result = StockCsv.Parse(StockCsv.Write(unique), File);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(unique, result.Rows);
        }, iter: 500);
    }
}
