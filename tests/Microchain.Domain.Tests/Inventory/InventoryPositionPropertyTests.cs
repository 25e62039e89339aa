using Microchain.Domain.Inventory;

namespace Microchain.Domain.Tests.Inventory;

public sealed class InventoryPositionPropertyTests
{
    private enum Op { Receive, ReceiveInbound, Ship, Reserve, Release, Pick, Adjust, WithCapacity, WithSafetyStock }

    private readonly record struct Step(Op Op, int Units);

    // Mostly small quantities so that legal moves happen often, plus extremes that must be refused, never overflow.
    private static readonly Gen<int> Units = Gen.Frequency(
        (8, Gen.Int[-5, 60]),
        (1, Gen.OneOf(Gen.Const(int.MaxValue), Gen.Const(int.MinValue), Gen.Const(Limits.MaxStockUnits), Gen.Const(Limits.MaxStockUnits + 1))));

    private static readonly Gen<Step[]> Steps = Gen.Select(Gen.Enum<Op>(), Units, (op, units) => new Step(op, units)).Array[1, 60];

    [Fact]
    public void Position_randomOperations_invariantsHoldAndModelAgrees()
    {
        Gen.Select(Gen.Int[0, 100], Steps).Sample((capacity, steps) =>
        {
            var position = InventoryPosition.Empty(capacity);
            foreach (var step in steps)
            {
                var before = position;
                var expected = Expected(before, step);
                InventoryPosition? after = null;
                DomainException? refused = null;
                try { after = Apply(before, step); }
                catch (DomainException ex) { refused = ex; }

                if (expected is null)
                {
                    Assert.True(refused is not null, $"{step} on {Describe(before)} should have been refused");
                    Assert.False(string.IsNullOrEmpty(refused.Code));
                    // The previous value is untouched and still usable.
                    Assert.Equal(before, position);
                    AssertInvariants(position);
                }
                else
                {
                    Assert.True(refused is null, $"{step} on {Describe(before)} was refused: {refused?.Message}");
                    Assert.Equal(expected.Value, after!.Value);
                    position = after.Value;
                    AssertInvariants(position);
                }
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Constructor_outOfRangeValues_throwDomainException()
    {
        Gen.Select(Gen.Int[-3, 12], Gen.Int[-3, 12], Gen.Int[-3, 12], Gen.Int[-3, 10], Gen.Int[-2, 5]).Sample((onHand, reserved, inTransit, capacity, safety) =>
        {
            var legal = capacity >= 0 && onHand >= 0 && onHand <= capacity && reserved >= 0 && reserved <= onHand && inTransit >= 0 && safety >= 0;
            if (legal)
            {
                var p = new InventoryPosition(onHand, reserved, inTransit, capacity, safety);
                AssertInvariants(p);
                Assert.Equal(onHand - reserved, p.Available);
            }
            else
            {
                Assert.Throws<DomainException>(() => new InventoryPosition(onHand, reserved, inTransit, capacity, safety));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Receive_beyondIntRange_isRefusedNotOverflow()
    {
        var position = new InventoryPosition(10, 0, 0, 100);
        var ex = Assert.Throws<DomainException>(() => position.Receive(int.MaxValue));
        Assert.Equal("stock.over_capacity", ex.Code);
        Assert.Throws<DomainException>(() => position.Adjust(int.MaxValue));
        Assert.Throws<DomainException>(() => new InventoryPosition(0, 0, 5, 10).Ship(int.MaxValue));
    }

    private static InventoryPosition Apply(InventoryPosition p, Step s) => s.Op switch
    {
        Op.Receive => p.Receive(s.Units),
        Op.ReceiveInbound => p.ReceiveInbound(s.Units),
        Op.Ship => p.Ship(s.Units),
        Op.Reserve => p.Reserve(s.Units),
        Op.Release => p.Release(s.Units),
        Op.Pick => p.Pick(s.Units),
        Op.Adjust => p.Adjust(s.Units),
        Op.WithCapacity => p.WithCapacity(s.Units),
        Op.WithSafetyStock => p.WithSafetyStock(s.Units),
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>An independent model in long arithmetic: the expected result, or null when the move is illegal.</summary>
    private static InventoryPosition? Expected(InventoryPosition p, Step s)
    {
        long u = s.Units;
        (long onHand, long reserved, long inTransit, long capacity, long safety) next = s.Op switch
        {
            Op.Receive => (p.OnHand + u, p.Reserved, p.InTransit, p.Capacity, p.SafetyStock),
            Op.ReceiveInbound => (p.OnHand + u, p.Reserved, Math.Max(0, p.InTransit - u), p.Capacity, p.SafetyStock),
            Op.Ship => (p.OnHand, p.Reserved, p.InTransit + u, p.Capacity, p.SafetyStock),
            Op.Reserve => (p.OnHand, p.Reserved + u, p.InTransit, p.Capacity, p.SafetyStock),
            Op.Release => (p.OnHand, p.Reserved - u, p.InTransit, p.Capacity, p.SafetyStock),
            Op.Pick => (p.OnHand - u, p.Reserved - u, p.InTransit, p.Capacity, p.SafetyStock),
            Op.Adjust => (p.OnHand + u, p.Reserved, p.InTransit, p.Capacity, p.SafetyStock),
            Op.WithCapacity => (p.OnHand, p.Reserved, p.InTransit, u, p.SafetyStock),
            Op.WithSafetyStock => (p.OnHand, p.Reserved, p.InTransit, p.Capacity, u),
            _ => throw new ArgumentOutOfRangeException(nameof(s)),
        };
        var quantityMustBePositive = s.Op is Op.Receive or Op.ReceiveInbound or Op.Ship or Op.Reserve or Op.Release or Op.Pick;
        if (quantityMustBePositive && u <= 0) return null;
        var legal = next.capacity is >= 0 and <= Limits.MaxStockUnits
            && next.onHand >= 0 && next.onHand <= next.capacity
            && next.reserved >= 0 && next.reserved <= next.onHand
            && next.inTransit is >= 0 and <= Limits.MaxStockUnits
            && next.safety >= 0;
        return legal ? new InventoryPosition((int)next.onHand, (int)next.reserved, (int)next.inTransit, (int)next.capacity, (int)next.safety) : null;
    }

    private static void AssertInvariants(InventoryPosition p)
    {
        Assert.InRange(p.Reserved, 0, p.OnHand);
        Assert.InRange(p.OnHand, p.Reserved, p.Capacity);
        Assert.InRange(p.Capacity, 0, Limits.MaxStockUnits);
        Assert.True(p.InTransit >= 0);
        Assert.Equal(p.OnHand - p.Reserved, p.Available);
        Assert.Equal(Math.Max(0, p.Capacity - p.OnHand - p.InTransit), p.FreeCapacity);
    }

    private static string Describe(InventoryPosition p) =>
        $"(onHand {p.OnHand}, reserved {p.Reserved}, inTransit {p.InTransit}, capacity {p.Capacity}, safety {p.SafetyStock})";
}
