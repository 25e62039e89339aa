using Microchain.Domain.Customers;

namespace Microchain.Simulation.DemoCity;

/// <summary>Customers clustered in neighbourhoods, with a segment mix that shifts from express in the center to planned and pickup at the edge.</summary>
internal static class CustomerGenerator
{
    public const double BlockedShare = 0.01;
    /// <summary>Distance over which the segment mix moves from center shares to outer shares.</summary>
    private const double MixGradientMeters = 8_000;

    public static (Customer[] Customers, (double X, double Y)[] Positions, int[] Segments) Generate(
        int count, CityDensity density, IReadOnlyList<DemoSegmentProfile> segments, IReadOnlyList<string> lockerIds,
        (double X, double Y)[] lockerPositions, DemoRandom random)
    {
        var customers = new Customer[count];
        var positions = new (double X, double Y)[count];
        var segmentOf = new int[count];
        var shares = new double[segments.Count];
        for (var i = 0; i < count; i++)
        {
            var p = density.Sample(random, out _);
            var t = Math.Min(1.0, Math.Sqrt(p.X * p.X + p.Y * p.Y) / MixGradientMeters);
            for (var s = 0; s < segments.Count; s++)
            {
                var pickupWithoutLockers = segments[s].Segment.Promise.Mode == DeliveryMode.LockerPickup && lockerIds.Count == 0;
                shares[s] = pickupWithoutLockers ? 0 : segments[s].CenterShare * (1 - t) + segments[s].OuterShare * t;
            }
            var segment = Pick(shares, random.NextDouble() * shares.Sum());
            var pickup = segments[segment].Segment.Promise.Mode == DeliveryMode.LockerPickup;
            positions[i] = p;
            segmentOf[i] = segment;
            customers[i] = new Customer
            {
                Id = $"CUS-{i + 1:D7}",
                SegmentId = segments[segment].Id,
                Location = density.ToGeo(p),
                Blocked = random.Chance(BlockedShare),
                LockerId = pickup ? lockerIds[LocalFrame.Nearest(p, lockerPositions)] : null,
            };
        }
        return (customers, positions, segmentOf);
    }

    private static int Pick(double[] weights, double target)
    {
        for (var s = 0; s < weights.Length; s++)
        {
            if (weights[s] > 0 && target < weights[s]) return s;
            target -= weights[s];
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }
}
