using Microchain.Domain.Dispatch;

namespace Microchain.Domain.Tests.Dispatch;

public sealed class DispatchScheduleTests
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(2);

    private static DateTimeOffset Local(int day, int hour, int minute) => new(2026, 6, day, hour, minute, 0, Paris);

    [Theory]
    [InlineData(10, 0, 10, 0)]
    [InlineData(10, 29, 10, 0)]
    [InlineData(10, 30, 10, 30)]
    [InlineData(0, 5, 0, 0)]
    public void SlotAt_interval_isTheLastBoundaryFromLocalMidnight(int hour, int minute, int slotHour, int slotMinute)
    {
        var schedule = new DispatchSchedule { WaveIntervalMinutes = 30 };
        Assert.Equal(Local(3, slotHour, slotMinute), schedule.SlotAt(Local(3, hour, minute).ToUniversalTime(), Paris));
    }

    [Fact]
    public void SlotAt_cutOffs_isTheLastCutOffAndBeforeTheFirstItIsYesterdaysLast()
    {
        var schedule = new DispatchSchedule { CutOffs = [new(10, 0), new(16, 30)] };
        Assert.Equal(Local(3, 10, 0), schedule.SlotAt(Local(3, 12, 0), Paris));
        Assert.Equal(Local(3, 16, 30), schedule.SlotAt(Local(3, 16, 30), Paris));
        Assert.Equal(Local(2, 16, 30), schedule.SlotAt(Local(3, 9, 59), Paris));
    }

    [Fact]
    public void SlotAt_isStableWithinASlotAndNewInTheNext()
    {
        Gen.Int[1, 1440].Select(Gen.Int[0, 7 * 24 * 60]).Sample((interval, minutes) =>
        {
            var schedule = new DispatchSchedule { WaveIntervalMinutes = interval };
            var now = Local(1, 0, 0).AddMinutes(minutes);
            var slot = schedule.SlotAt(now, Paris);
            Assert.True(slot <= now && now - slot < TimeSpan.FromMinutes(interval), $"slot {slot} for {now} every {interval} min");
            Assert.Equal(slot, schedule.SlotAt(slot, Paris));
        });
    }

    [Fact]
    public void Check_refusesUnsortedCutOffs()
    {
        var schedule = new DispatchSchedule { CutOffs = [new(12, 0), new(12, 0)] };
        Assert.Equal("dispatch.cut_offs", Assert.Throws<DomainException>(() => schedule.Check("test")).Code);
    }
}
