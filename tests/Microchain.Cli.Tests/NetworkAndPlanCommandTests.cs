using Microchain.Domain.NetworkFiles;
using Microchain.Simulation.DemoCity;

namespace Microchain.Cli.Tests;

public sealed class NetworkAndPlanCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("microchain-plan-").FullName;

    private string CityFile()
    {
        var path = Path.Combine(_dir, "city.json");
        File.WriteAllText(path, NetworkFile.Write(DemoCityGenerator.Generate(new DemoCityOptions { Seed = 3, Scale = 0.1, Skus = 50 }).Network));
        return path;
    }

    [Fact]
    public async Task Network_validate_accepts_a_good_file()
    {
        var result = await CliRun.Invoke("network", "validate", CityFile());
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_validate_names_file_line_and_path_of_each_error()
    {
        var path = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(path, "{\n  \"name\": \"x\",\n  \"nodes\": [ { \"id\": \"A\" } ],\n  \"bogus\": 1\n}", TestContext.Current.CancellationToken);
        var result = await CliRun.Invoke("network", "validate", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}:3:", result.Output, StringComparison.Ordinal);
        Assert.Contains("$.nodes[0].", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{path}:4:", result.Output, StringComparison.Ordinal);
        Assert.Contains("$.bogus", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_validate_of_a_missing_file_is_one_line_and_exit_1()
    {
        var result = await CliRun.Invoke("network", "validate", Path.Combine(_dir, "none.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_network_writes_json_csv_svg_and_a_valid_scenario()
    {
        string Out(string name) => Path.Combine(_dir, name);
        var result = await CliRun.Invoke("plan", "network", CityFile(), "--problem", "PMedian", "--max-sites", "1", "--extra-candidates", "3", "--no-promise",
            "--out", Out("d.json"), "--csv", Out("d.csv"), "--svg", Out("d.svg"), "--scenario", Out("s.json"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(result.Output.Contains("1 of ", StringComparison.Ordinal), result.Output);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Out("d.svg"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("demand_point,", await File.ReadAllTextAsync(Out("d.csv"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var scenario = NetworkFile.Parse(await File.ReadAllTextAsync(Out("s.json"), TestContext.Current.CancellationToken), "s.json");
        Assert.Empty(scenario.Errors);
        Assert.Single(scenario.Network!.Nodes, n => n.Kind == Domain.Network.NodeKind.Mfc && n.IsOpen);
    }

    [Fact]
    public async Task Plan_network_that_cannot_keep_the_promise_says_so_in_one_line()
    {
        var result = await CliRun.Invoke("plan", "network", CityFile(), "--problem", "PMedian", "--max-sites", "1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--no-promise", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_network_over_months_prints_a_plan_per_month()
    {
        var result = await CliRun.Invoke("plan", "network", CityFile(), "--problem", "Uncapacitated", "--months", "3", "--csv", Path.Combine(_dir, "p.csv"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("month  3:", result.Output, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_dir, "p.csv")).Length);
    }

    [Fact]
    public async Task Plan_network_with_an_impossible_request_is_one_line_and_exit_1()
    {
        var result = await CliRun.Invoke("plan", "network", CityFile(), "--problem", "PMedian");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("needs maxSites", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_network_from_order_history_uses_its_demand_points()
    {
        var history = Path.Combine(_dir, "orders.csv");
        await File.WriteAllTextAsync(history, "lat,lon,segment,orders\n45.7640,4.8357,express,30\n45.7000,4.9000,next-day,4\n", TestContext.Current.CancellationToken);
        var result = await CliRun.Invoke("plan", "network", CityFile(), "--demand", history, "--problem", "Uncapacitated", "--no-promise");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("; 2 demand points;", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_network_with_a_bad_history_row_names_the_line()
    {
        var history = Path.Combine(_dir, "orders.csv");
        await File.WriteAllTextAsync(history, "lat,lon,segment\n45.7,4.8,express\nnot,a,row\n", TestContext.Current.CancellationToken);
        var result = await CliRun.Invoke("plan", "network", CityFile(), "--demand", history);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("orders.csv:3:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_routes_writes_the_answer_and_reports_progress()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "routes.example.json");
        var target = Path.Combine(_dir, "routes.json");
        var result = await CliRun.Invoke("plan", "routes", sample, "--seconds", "0.5", "--out", target);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("searching:", result.Output, StringComparison.Ordinal);
        using var answer = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
        Assert.Equal(6, answer.RootElement.GetProperty("routes").EnumerateArray().Sum(r => r.GetProperty("steps").GetArrayLength() - 2)
            + answer.RootElement.GetProperty("unassigned").GetArrayLength());
    }

    [Fact]
    public async Task Plan_routes_with_malformed_json_is_one_line_and_exit_1()
    {
        var path = Path.Combine(_dir, "bad-routes.json");
        await File.WriteAllTextAsync(path, "{\"vehicles\": [", TestContext.Current.CancellationToken);
        var result = await CliRun.Invoke("plan", "routes", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task Forecast_writes_csv_with_a_row_per_series_and_step()
    {
        var request = Path.Combine(_dir, "fc.json");
        await File.WriteAllTextAsync(request, """{"series":[{"id":"a","history":[1,2,1,2,1,2,1,2],"seasonLength":2,"method":"SNaive"}],"horizon":4}""", TestContext.Current.CancellationToken);
        var csv = Path.Combine(_dir, "fc.csv");
        var result = await CliRun.Invoke("forecast", request, "--csv", csv);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("forecast 1/1 series", result.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
        Assert.Equal("series,method,step,mean,q0.5,q0.9,q0.95", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("a,SNaive,1,1,", lines[1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
