using Microchain.Domain.Customers;
using Microchain.Domain.Geo;
using Microchain.Planning.Sourcing;

namespace Microchain.Planning.Tests.Sourcing;

/// <summary>Candidates on a north–south line from the customer: each 0.01° of latitude is ~1.45 road km.</summary>
internal static class SourcingFixture
{
    public static readonly GeoPoint Customer = new(52.0, 13.0);
    public static readonly ITravelModel Travel = new HaversineTravelModel();

    public static GeoPoint North(double hundredths) => new(52.0 + hundredths / 100, 13.0);

    public static NodeCandidate Node(string id, double hundredths, string atp, long pickCents = 20, int capacity = 200, int queued = 0,
        IReadOnlyDictionary<string, double>? daysOfCover = null) =>
        new(id, North(hundredths), Stock(atp), pickCents, capacity, queued, daysOfCover);

    /// <summary>"a:3,b:1" → {a: 3, b: 1}.</summary>
    public static Dictionary<string, int> Stock(string atp) => atp.Length == 0
        ? []
        : atp.Split(',').Select(p => p.Split(':')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));

    public static SourcingRequest Order(string lines, string segment = "standard", string id = "o1") =>
        new(id, Stock(lines).Select(kv => new SourcingLine(kv.Key, kv.Value)).ToArray(), Customer, segment, ServicePromise.SameDay);

    public static SourcingContext Context(params NodeCandidate[] nodes) => new(nodes, Travel);
}
