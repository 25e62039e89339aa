using Microchain.Domain.Geo;
using Microchain.Domain.Orders;
using Microchain.Domain.Validation;
using static Microchain.Domain.Tests.Validation.ValidationNetwork;

namespace Microchain.Domain.Tests.Validation;

public sealed class OrderValidatorTests
{
    private static IReadOnlyList<Violation> Validate(OrderDraft draft, OrderRules? rules = null, bool frozenNodeOpen = false) =>
        OrderValidator.Validate(draft, Build(frozenNodeOpen), rules ?? OrderRules.Default, Travel, Now);

    private static (string Code, string Path)[] Codes(IReadOnlyList<Violation> violations) =>
        violations.Select(v => (v.Code, v.Path)).ToArray();

    [Fact]
    public void Validate_goodOrder_hasNoViolations()
    {
        Assert.Empty(Validate(Draft(new OrderLine("rice", 2), new OrderLine("milk", 1))));
    }

    [Fact]
    public void Validate_severalProblems_reportsEveryOneWithItsPath()
    {
        var draft = Draft(new OrderLine("rice", 0), new OrderLine("nope", 1), new OrderLine("old", 1)) with { CustomerId = "c-blocked" };
        var codes = Codes(Validate(draft));
        Assert.Equal(
            [
                (ViolationCodes.CustomerBlocked, "customerId"),
                (ViolationCodes.QuantityNotPositive, "lines[0].quantity"),
                (ViolationCodes.SkuUnknown, "lines[1].skuId"),
                (ViolationCodes.SkuInactive, "lines[2].skuId"),
            ], codes);
    }

    [Fact]
    public void Validate_unknownCustomer_isReported()
    {
        var codes = Codes(Validate(Draft(new OrderLine("rice", 1)) with { CustomerId = "ghost" }));
        Assert.Equal([(ViolationCodes.CustomerUnknown, "customerId")], codes);
    }

    [Fact]
    public void Validate_lineLimits_reportCountQuantityAndDuplicates()
    {
        var rules = OrderRules.Default with { MaxLines = 2, MaxQuantityPerLine = 5 };
        var codes = Codes(Validate(Draft(new OrderLine("rice", 6), new OrderLine("milk", 1), new OrderLine("rice", 1)), rules));
        Assert.Equal(
            [
                (ViolationCodes.LinesTooMany, "lines"),
                (ViolationCodes.QuantityTooLarge, "lines[0].quantity"),
                (ViolationCodes.SkuDuplicate, "lines[2].skuId"),
            ], codes);
    }

    [Fact]
    public void Validate_noLines_isReported()
    {
        Assert.Equal([(ViolationCodes.LinesEmpty, "lines")], Codes(Validate(Draft())));
    }

    [Fact]
    public void Validate_addressOutsideEveryOpenServiceArea_isReported()
    {
        var codes = Codes(Validate(Draft(new OrderLine("rice", 1)) with { DeliverTo = Far }));
        Assert.Equal([(ViolationCodes.OutsideServiceArea, "deliverTo")], codes);
    }

    [Fact]
    public void Validate_noDestination_isReported()
    {
        var codes = Codes(Validate(Draft(new OrderLine("rice", 1)) with { DeliverTo = null }));
        Assert.Equal([(ViolationCodes.DestinationMissing, "deliverTo")], codes);
    }

    [Theory]
    [InlineData("locker-1", null)]
    [InlineData("locker-2", ViolationCodes.LockerClosed)]
    [InlineData("mfc-1", ViolationCodes.LockerUnknown)]
    [InlineData("ghost", ViolationCodes.LockerUnknown)]
    public void Validate_lockerOrder_needsAnOpenLocker(string lockerId, string? expected)
    {
        var codes = Codes(Validate(Draft(new OrderLine("rice", 1)) with { DeliverTo = null, LockerId = lockerId }));
        if (expected is null) Assert.Empty(codes);
        else Assert.Equal([(expected, "lockerId")], codes);
    }

    [Theory]
    [InlineData(-60, 30, ViolationCodes.WindowInPast, "window.start")]
    [InlineData(10, 60, ViolationCodes.WindowTooSoon, "window.start")]
    [InlineData(120, 0, ViolationCodes.WindowEndBeforeStart, "window.end")]
    [InlineData(22 * 60, 13 * 60, ViolationCodes.WindowTooLong, "window.end")]
    [InlineData(20 * 24 * 60, 60, ViolationCodes.WindowTooFar, "window.start")]
    [InlineData(13 * 60, 60, ViolationCodes.WindowOutsideHours, "window")]
    [InlineData(11 * 60 + 30, 60, ViolationCodes.WindowOutsideHours, "window")]
    public void Validate_infeasibleWindow_isReported(int startMinutes, int lengthMinutes, string code, string path)
    {
        // Now is 10:00; the MFC is open 08:00–22:00, so 23:00 and 21:30–22:30 are outside its hours.
        var start = Now.AddMinutes(startMinutes);
        var draft = Draft(new OrderLine("rice", 1)) with { Window = new DeliveryWindow(start, start.AddMinutes(lengthMinutes)) };
        Assert.Equal([(code, path)], Codes(Validate(draft)));
    }

    [Fact]
    public void Validate_windowEndingAtClosingTime_isAccepted()
    {
        var draft = Draft(new OrderLine("rice", 1)) with { Window = new DeliveryWindow(Now.AddHours(11), Now.AddHours(12)) };
        Assert.Empty(Validate(draft));
    }

    [Fact]
    public void Validate_windowInLocalTime_usesTheTenantOffset()
    {
        // 19:00–20:00 UTC is 21:00–22:00 at UTC+2: inside hours. At UTC+3 it is 22:00–23:00: outside.
        var draft = Draft(new OrderLine("rice", 1)) with { Window = new DeliveryWindow(Now.AddHours(9), Now.AddHours(10)) };
        Assert.Empty(Validate(draft, OrderRules.Default with { LocalUtcOffset = TimeSpan.FromHours(2) }));
        Assert.Equal([(ViolationCodes.WindowOutsideHours, "window")],
            Codes(Validate(draft, OrderRules.Default with { LocalUtcOffset = TimeSpan.FromHours(3) })));
    }

    [Fact]
    public void Validate_missingWindowWhenRequired_isReported()
    {
        var draft = Draft(new OrderLine("rice", 1)) with { Window = null };
        Assert.Empty(Validate(draft));
        Assert.Equal([(ViolationCodes.WindowRequired, "window")], Codes(Validate(draft, OrderRules.Default with { WindowRequired = true })));
    }

    [Fact]
    public void Validate_frozenWithoutFrozenStorageInReach_isNotDeliverable()
    {
        var draft = Draft(new OrderLine("peas", 1));
        Assert.Equal([(ViolationCodes.ZoneNotDeliverable, "lines")], Codes(Validate(draft)));
        // The dark store has frozen storage but counts only while open.
        Assert.Empty(Validate(draft, frozenNodeOpen: true));
    }

    [Fact]
    public void Validate_frozenWithAmbient_followsTheTenantRule()
    {
        var draft = Draft(new OrderLine("peas", 1), new OrderLine("rice", 1));
        Assert.Empty(Validate(draft, frozenNodeOpen: true));
        var rules = OrderRules.Default with { FrozenWithAmbientAllowed = false };
        Assert.Equal([(ViolationCodes.ZonesNotCombinable, "lines")], Codes(Validate(draft, rules, frozenNodeOpen: true)));
    }

    [Theory]
    [InlineData(2, 5000, ViolationCodes.ValueTooLow)]
    [InlineData(10, 5000, null)]
    [InlineData(10, 2999, ViolationCodes.ValueTooHigh)]
    public void Validate_orderValue_isWithinTenantLimits(int units, long maxCents, string? expected)
    {
        // Rice is worth 300 cents; min 1000, max as given.
        var rules = OrderRules.Default with { MinOrderValueCents = 1000, MaxOrderValueCents = Math.Max(1000, maxCents), MaxQuantityPerLine = 50 };
        var codes = Codes(Validate(Draft(new OrderLine("rice", units)), rules));
        if (expected is null) Assert.Empty(codes);
        else Assert.Equal([(expected, "lines")], codes);
    }

    [Fact]
    public void Validate_deliveryPointAndLocker_isAmbiguous()
    {
        var draft = Draft(new OrderLine("rice", 1)) with { LockerId = "locker-1" };
        Assert.Equal([(ViolationCodes.DestinationAmbiguous, "deliverTo")], Codes(Validate(draft)));
    }

    [Fact]
    public void Check_maxLinesAboveDomainLimit_throws()
    {
        var ex = Assert.Throws<DomainException>(() => (OrderRules.Default with { MaxLines = Limits.MaxLinesPerOrder + 1 }).Check());
        Assert.Equal("rules.max_lines", ex.Code);
        OrderRules.Default.Check();
    }

    [Fact]
    public void ValidationContext_sameNetwork_isBuiltOnce()
    {
        var network = Build();
        Assert.Same(ValidationContext.For(network), ValidationContext.For(network));
        Assert.Equal(["mfc-1"], ValidationContext.For(network).FulfilmentNodes.Select(n => n.Id));
    }
}
