using System.Text.Json;

namespace Microchain.Server.Auth;

/// <summary>One stored key: its hash, the tenant it opens and its role.</summary>
public sealed record ApiKeyRecord(string Tenant, string Name, string Role, string Sha256, DateTimeOffset CreatedAt);

/// <summary>
/// API keys, hashed at rest in <c>api-keys.json</c> under the data directory. Writes go to a temporary file that is
/// flushed and then renamed over the old one, so a crash leaves either the old or the new list.
/// </summary>
public sealed class ApiKeyStore
{
    private const int MaxKeys = 10_000;
    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };
    private readonly string _path;
    private readonly Lock _lock = new();
    private List<ApiKeyRecord> _keys;

    public ApiKeyStore(string dataDirectory)
    {
        _path = Path.Combine(dataDirectory, "api-keys.json");
        _keys = File.Exists(_path)
            ? JsonSerializer.Deserialize<List<ApiKeyRecord>>(File.ReadAllText(_path)) ?? []
            : [];
    }

    public int Count
    {
        get { lock (_lock) return _keys.Count; }
    }

    /// <summary>Creates a key and returns it in clear text: the only time it is ever visible.</summary>
    public string Create(string tenant, string name, string role, DateTimeOffset now)
    {
        var key = ApiKeyHash.NewKey();
        lock (_lock)
        {
            if (_keys.Count >= MaxKeys) throw new InvalidOperationException($"at most {MaxKeys} API keys");
            var next = new List<ApiKeyRecord>(_keys) { new(tenant, name, role, ApiKeyHash.Hash(key), now) };
            Save(next);
            _keys = next;
        }
        return key;
    }

    public ApiKeyRecord? Find(string key)
    {
        if (key.Length > 128) return null;
        var hash = ApiKeyHash.Hash(key); // once per request, not once per stored key
        lock (_lock)
        {
            foreach (var k in _keys)
                if (ApiKeyHash.SameHash(hash, k.Sha256)) return k;
            return null;
        }
    }

    private void Save(List<ApiKeyRecord> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temp = _path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, keys, FileJson);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, _path, overwrite: true);
    }
}
