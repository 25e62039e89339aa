namespace Microchain.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("demo", "--port", "not-a-number")]
    [InlineData("demo", "--port", "70000")]
    [InlineData("serve", "--store", "oracle")]
    [InlineData("demo", "--orders-per-minute", "-1")]
    [InlineData("demo", "--restock-minutes", "2000")]
    [InlineData("orders", "import", "x.csv", "--url", "ftp://nowhere")]
    [InlineData("orders", "import")]
    public async Task Bad_arguments_give_one_line_and_exit_2(params string[] args)
    {
        var result = await CliRun.Invoke(args);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("microchain: ", line, StringComparison.Ordinal);
        Assert.Contains("--help", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("demo", "--version")]
    [InlineData("serve", "--version")]
    public async Task Version_is_printed_everywhere(params string[] args)
    {
        var result = await CliRun.Invoke(args);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.1.0", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", "demo")]
    [InlineData("demo --help", "--seed")]
    [InlineData("serve --help", "--network")]
    [InlineData("bench --help", "bench")]
    public async Task Help_describes_the_command(string args, string expected)
    {
        var result = await CliRun.Invoke(args.Split(' '));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_with_an_impossible_size_is_one_line_and_exit_1()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "microchain-cli-" + Guid.NewGuid().ToString("N"));
        var result = await CliRun.Invoke("demo", "--data-dir", dataDir, "--skus", "1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SKUs must be within", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataDir, "network.json")));
    }

    [Fact]
    public async Task Serve_without_a_network_is_one_line_and_exit_1()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "microchain-cli-" + Guid.NewGuid().ToString("N"));
        var result = await CliRun.Invoke("serve", "--data-dir", dataDir);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--network", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
