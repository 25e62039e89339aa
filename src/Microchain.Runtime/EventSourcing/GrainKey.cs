namespace Microchain.Runtime.EventSourcing;

/// <summary>Grain keys and journal stream ids are scoped per tenant: "tenant/id".</summary>
public static class GrainKey
{
    public static string Compose(string tenant, string id) => $"{tenant}/{id}";

    public static (string Tenant, string Id) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) throw new ArgumentException($"grain key '{key}' is not 'tenant/id'", nameof(key));
        return (key[..slash], key[(slash + 1)..]);
    }
}
