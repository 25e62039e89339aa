using Microchain.Runtime.Hosting;
using Microchain.Server.Webhooks;

namespace Microchain.Server;

/// <summary>How the server listens and what it accepts. Checked at start: a bad value stops the boot.</summary>
public sealed record ServerOptions
{
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 5080;
    public required RuntimeOptions Runtime { get; init; }
    /// <summary>The largest request body accepted; bigger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;
    /// <summary>Orders accepted by one <c>POST /v1/orders:import</c>; more get 413.</summary>
    public int MaxImportOrders { get; init; } = 1_000;
    /// <summary>CSV rows (order lines) accepted by one import; more get 413.</summary>
    public int MaxImportRows { get; init; } = 10_000;
    /// <summary>The tenant that owns the network served; one network per tenant.</summary>
    public string Tenant { get; init; } = "demo";
    /// <summary>Webhook subscriptions and their delivery.</summary>
    public WebhookOptions Webhooks { get; init; } = new();
    /// <summary>Dispatch waves: clock, schedule tick and the solver's budget per wave.</summary>
    public Dispatch.DispatchOptions Dispatch { get; init; } = new();
    /// <summary>Scheduled replenishment runs and their clock.</summary>
    public Replenishment.ReplenishmentOptions Replenishment { get; init; } = new();

    public string Url => $"http://{Host}:{Port}";

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Runtime.Problems());
        problems.AddRange(Webhooks.Problems());
        problems.AddRange(Dispatch.Problems());
        problems.AddRange(Replenishment.Problems());
        if (Port is < 0 or > 65535) problems.Add($"port {Port} is outside 0..65535");
        if (MaxRequestBodyBytes is < 1024 or > 256L * 1024 * 1024) problems.Add("max request body must be within 1 KiB..256 MiB");
        if (MaxImportOrders is < 1 or > 100_000) problems.Add("max import orders must be within 1..100,000");
        if (MaxImportRows is < 1 or > 1_000_000) problems.Add("max import rows must be within 1..1,000,000");
        if (string.IsNullOrWhiteSpace(Tenant) || Tenant.Contains('/', StringComparison.Ordinal)) problems.Add("tenant must be a non-empty name without '/'");
        return problems;
    }
}
