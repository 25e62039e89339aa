using System.Text.Json;
using Microchain.Domain.Geo;

namespace Microchain.Domain.Tests.Geo;

public sealed class TravelModelTests
{
    private static readonly GeoPoint Paris = new(48.8566, 2.3522);
    private static readonly GeoPoint London = new(51.5074, -0.1278);
    private static readonly GeoPoint NewYork = new(40.7128, -74.0060);

    private static readonly Gen<GeoPoint> Point = Gen.Select(Gen.Double[-90, 90], Gen.Double[-180, 180], (lat, lon) => new GeoPoint(lat, lon));

    [Theory]
    [InlineData(343.5)]
    public void Haversine_parisLondon_matchesPublishedGreatCircle(double publishedKm)
    {
        var km = Paris.HaversineMetersTo(London) / 1000;
        Assert.InRange(km, publishedKm * 0.995, publishedKm * 1.005);
    }

    [Fact]
    public void Haversine_newYorkLondon_matchesPublishedGreatCircle()
    {
        var km = NewYork.HaversineMetersTo(London) / 1000;
        Assert.InRange(km, 5570 * 0.995, 5570 * 1.005);
    }

    [Fact]
    public void Haversine_antipodesOnEquator_isHalfTheCircumference()
    {
        var meters = new GeoPoint(0, 0).HaversineMetersTo(new GeoPoint(0, 180));
        Assert.Equal(Math.PI * 6_371_008.8, meters, 1e-3);
    }

    [Fact]
    public void Haversine_anyPoints_isSymmetricNonNegativeBoundedAndZeroOnSelf()
    {
        Gen.Select(Point, Point).Sample((a, b) =>
        {
            var ab = a.HaversineMetersTo(b);
            Assert.Equal(ab, b.HaversineMetersTo(a), 1e-6);
            Assert.InRange(ab, 0, Math.PI * 6_371_008.8 + 1e-6);
            Assert.Equal(0, a.HaversineMetersTo(a), 1e-9);
        }, iter: 2_000);
    }

    [Fact]
    public void Haversine_anyThreePoints_satisfiesTriangleInequality()
    {
        Gen.Select(Point, Point, Point).Sample((a, b, c) =>
            Assert.True(a.HaversineMetersTo(c) <= a.HaversineMetersTo(b) + b.HaversineMetersTo(c) + 1e-6), iter: 2_000);
    }

    [Fact]
    public void HaversineModel_anyLeg_isCircuityTimesGreatCircleOverKindSpeed()
    {
        Gen.Select(Point, Point, Gen.Double[1, 5], Gen.Enum<VehicleKind>()).Sample((a, b, circuity, kind) =>
        {
            var leg = new HaversineTravelModel(circuity).Travel(a, b, kind);
            var expectedMeters = a.HaversineMetersTo(b) * circuity;
            Assert.Equal(expectedMeters, leg.DistanceMeters, 1e-6);
            var speedMetersPerSecond = HaversineTravelModel.DefaultSpeedsKmh[kind] * 1000 / 3600;
            Assert.Equal(expectedMeters / speedMetersPerSecond, leg.DurationSeconds, 1e-6);
        }, iter: 1_000);
    }

    [Fact]
    public void HaversineModel_vanAcrossTenKilometers_takesTwentyFourMinutesAtDefaults()
    {
        // 10 km great circle east along the equator; circuity 1 so the number is easy to check by hand: 10 km at 25 km/h.
        var east = new GeoPoint(0, 10_000 / (Math.PI * 6_371_008.8) * 180);
        var leg = new HaversineTravelModel(1.0).Travel(new GeoPoint(0, 0), east, VehicleKind.Van);
        Assert.Equal(10_000, leg.DistanceMeters, 1e-3);
        Assert.Equal(24 * 60, leg.DurationSeconds, 1e-3);
    }

    [Fact]
    public void HaversineModel_defaultCircuity_stretchesByOnePointThree()
    {
        var leg = new HaversineTravelModel().Travel(Paris, London, VehicleKind.Truck);
        Assert.Equal(Paris.HaversineMetersTo(London) * 1.3, leg.DistanceMeters, 1e-6);
    }

    [Fact]
    public void HaversineModel_kindWithoutSpeed_throws()
    {
        var model = new HaversineTravelModel(speedKmh: new Dictionary<VehicleKind, double> { [VehicleKind.Van] = 30 });
        var ex = Assert.Throws<DomainException>(() => model.Travel(Paris, London, VehicleKind.Walker));
        Assert.Equal("travel.kind", ex.Code);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(5.01)]
    [InlineData(double.NaN)]
    public void HaversineModel_circuityOutOfRange_throws(double circuity)
    {
        var ex = Assert.Throws<DomainException>(() => new HaversineTravelModel(circuity));
        Assert.Equal("travel.circuity", ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(200.5)]
    [InlineData(double.NaN)]
    public void HaversineModel_speedOutOfRange_throws(double speed)
    {
        var ex = Assert.Throws<DomainException>(() => new HaversineTravelModel(speedKmh: new Dictionary<VehicleKind, double> { [VehicleKind.Van] = speed }));
        Assert.Equal("travel.speed", ex.Code);
    }

    [Theory]
    [InlineData(90.0001, 0, "geo.latitude")]
    [InlineData(-91, 0, "geo.latitude")]
    [InlineData(double.NaN, 0, "geo.latitude")]
    [InlineData(0, 180.5, "geo.longitude")]
    [InlineData(0, double.NaN, "geo.longitude")]
    public void GeoPoint_outsideWgs84_throws(double lat, double lon, string code)
    {
        var ex = Assert.Throws<DomainException>(() => new GeoPoint(lat, lon));
        Assert.Equal(code, ex.Code);
    }

    // Regression: System.Text.Json used the struct's implicit parameterless constructor and read every point back as (0, 0).
    [Fact]
    public void GeoPoint_jsonRoundTrip_keepsCoordinates()
    {
        var back = JsonSerializer.Deserialize<GeoPoint>(JsonSerializer.Serialize(Paris));
        Assert.Equal(Paris, back);
    }

    [Fact]
    public void Matrix_knownPoints_returnsTheirEntries()
    {
        var model = new MatrixTravelModel([Paris, London], new double[,] { { 0, 460_000 }, { 455_000, 0 } }, new double[,] { { 0, 18_000 }, { 17_500, 0 } });
        Assert.Equal(new TravelLeg(460_000, 18_000), model.Travel(Paris, London, VehicleKind.Van));
        Assert.Equal(new TravelLeg(455_000, 17_500), model.Travel(London, Paris, VehicleKind.CargoBike));
        Assert.Equal(new TravelLeg(0, 0), model.Travel(Paris, Paris, VehicleKind.Truck));
    }

    [Fact]
    public void Matrix_unknownPoint_throws()
    {
        var model = new MatrixTravelModel([Paris, London], new double[2, 2], new double[2, 2]);
        var ex = Assert.Throws<DomainException>(() => model.Travel(Paris, NewYork, VehicleKind.Van));
        Assert.Equal("travel.unknown_point", ex.Code);
    }

    public static TheoryData<double[,], double[,]> BadMatrices => new()
    {
        { new double[3, 2], new double[2, 2] },
        { new double[2, 2], new double[2, 3] },
        { new double[,] { { 0, -1 }, { 1, 0 } }, new double[2, 2] },
        { new double[2, 2], new double[,] { { 0, double.NaN }, { 1, 0 } } },
        { new double[,] { { 0, double.PositiveInfinity }, { 1, 0 } }, new double[2, 2] },
    };

    [Theory]
    [MemberData(nameof(BadMatrices))]
    public void Matrix_badShapeOrEntry_throws(double[,] meters, double[,] seconds)
    {
        var ex = Assert.Throws<DomainException>(() => new MatrixTravelModel([Paris, London], meters, seconds));
        Assert.Equal("travel.matrix", ex.Code);
    }

    [Fact]
    public void Matrix_duplicatePoint_throws()
    {
        var ex = Assert.Throws<DomainException>(() => new MatrixTravelModel([Paris, Paris], new double[2, 2], new double[2, 2]));
        Assert.Equal("travel.matrix", ex.Code);
    }
}
