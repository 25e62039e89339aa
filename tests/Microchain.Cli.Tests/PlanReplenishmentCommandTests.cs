using System.Globalization;
using System.Text;
using System.Text.Json;
using Microchain.Domain.NetworkFiles;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Tests;

/// <summary><c>microchain plan replenishment</c> on a small demo city written to files, as a user would run it.</summary>
public sealed class PlanReplenishmentCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("microchain-replen-").FullName;
    private readonly DemoCity _city = DemoCityGenerator.Generate(new DemoCityOptions { Seed = 3, Scale = 0.05, Skus = 40 });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    /// <summary>Network, stock and four weeks of brisk demand (with segments) for SKUs that SUP-1 supplies, at every MFC.</summary>
    private async Task<string[]> Files()
    {
        await File.WriteAllTextAsync(Path("city.json"), NetworkFile.Write(_city.Network), Ct);
        await File.WriteAllTextAsync(Path("stock.csv"), StockCsv.Write(_city.Stock.Select(s => new StockRow(s.NodeId, s.SkuId, s.OnHand, s.Capacity))), Ct);
        var skus = _city.Network.Contracts.Where(c => c.SupplierId == "SUP-1").Select(c => c.SkuId).Distinct().Take(6).ToArray();
        var segment = _city.Network.Segments[0].Id;
        var history = new StringBuilder("date,node,sku,units,segment\n");
        var first = _city.Options.StartDate.AddDays(-28);
        for (var d = 0; d < 28; d++)
            foreach (var mfc in _city.MfcIds)
                for (var i = 0; i < skus.Length; i++)
                    history.Append(CultureInfo.InvariantCulture, $"{first.AddDays(d):yyyy-MM-dd},{mfc},{skus[i]},{20 + (d * 7 + i) % 9},{segment}\n");
        await File.WriteAllTextAsync(Path("history.csv"), history.ToString(), Ct);
        return ["plan", "replenishment", "--network", Path("city.json"), "--stock", Path("stock.csv"), "--history", Path("history.csv")];
    }

    [Fact]
    public async Task Plan_replenishment_writes_csv_proposals_each_with_its_reason()
    {
        var result = await CliRun.Invoke([.. await Files(), "--out", Path("plan.csv")]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("transfers", result.Output, StringComparison.Ordinal);
        var rows = await File.ReadAllLinesAsync(Path("plan.csv"), Ct);
        Assert.Equal("kind,from,to,sku,quantity_units,requested_units,arrival,cost_cents,reason", rows[0]);
        var transfers = rows.Where(r => r.StartsWith("transfer,", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(transfers);
        Assert.All(transfers, r => Assert.Contains("reorder point", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("purchase,SUP-1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_replenishment_disrupt_shows_the_switch_against_the_undisrupted_plan_in_json()
    {
        var result = await CliRun.Invoke([.. await Files(), "--disrupt", "SUP-1", "--format", "json", "--out", Path("plan.json")]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("disrupted SUP-1: purchase cost", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path("plan.json"), Ct));
        var disruption = json.RootElement.GetProperty("disruption");
        Assert.Equal("SUP-1", disruption.GetProperty("disruptedSuppliers")[0].GetString());
        Assert.True(disruption.GetProperty("before").GetProperty("costCents").GetInt64() > 0);
        Assert.All(json.RootElement.GetProperty("purchases").EnumerateArray(), p => Assert.NotEqual("SUP-1", p.GetProperty("supplierId").GetString()));
    }

    [Fact]
    public async Task Plan_replenishment_without_out_writes_the_csv_to_stdout_and_the_summary_to_stderr()
    {
        var result = await CliRun.Invoke(await Files());
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("kind,from,to,sku,", result.Output, StringComparison.Ordinal);
        Assert.Contains("purchase orders", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_replenishment_of_a_network_file_without_history_is_one_line_and_exit_1()
    {
        var files = await Files();
        var result = await CliRun.Invoke([.. files.Take(6)]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--history", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_replenishment_of_an_unknown_supplier_is_one_line_and_exit_1()
    {
        var result = await CliRun.Invoke([.. await Files(), "--disrupt", "SUP-404"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SUP-404", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_replenishment_of_a_bad_history_row_names_file_and_line()
    {
        var files = await Files();
        await File.AppendAllTextAsync(Path("history.csv"), "2026-01-01,MFC-01,x,-3\n", Ct);
        var result = await CliRun.Invoke(files);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("history.csv:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_replenishment_of_an_unknown_format_is_a_usage_error()
    {
        var result = await CliRun.Invoke([.. await Files(), "--format", "xml"]);
        Assert.Equal(2, result.ExitCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
