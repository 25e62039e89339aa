using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Microchain.Runtime.Nodes;

/// <summary>
/// Units per SKU for the few SKUs of one basket, as two parallel arrays: a read-only dictionary without hashing.
/// Lookups compare ids linearly (a basket has at most <see cref="Domain.Limits.MaxLinesPerOrder"/> SKUs), and
/// callers usually pass the very string instances the keys were taken from, which compare by reference first.
/// </summary>
public sealed class BasketUnitsDictionary : IReadOnlyDictionary<string, int>
{
    private readonly string[] _skus;
    private readonly int[] _units;

    /// <param name="skus">Distinct SKU ids; owned by this instance from now on.</param>
    /// <param name="units">Units per SKU, same length; owned by this instance from now on.</param>
    public BasketUnitsDictionary(string[] skus, int[] units)
    {
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(units);
        if (skus.Length != units.Length) throw new ArgumentException("one unit count per SKU", nameof(units));
        (_skus, _units) = (skus, units);
    }

    public int Count => _skus.Length;
    public IEnumerable<string> Keys => _skus;
    public IEnumerable<int> Values => _units;

    public int this[string key] => TryGetValue(key, out var units) ? units : throw new KeyNotFoundException($"SKU '{key}' is not in this basket");

    public bool ContainsKey(string key) => Array.IndexOf(_skus, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        var i = Array.IndexOf(_skus, key);
        value = i >= 0 ? _units[i] : 0;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
    {
        for (var i = 0; i < _skus.Length; i++) yield return new(_skus[i], _units[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
