using Microchain.Domain.Inventory;

namespace Microchain.Domain.Tests;

public sealed class GuardTests
{
    // Regression: the too-long message sliced value[..32] eagerly, so every id shorter than 32 characters threw.
    [Fact]
    public void Id_shorterThan32Characters_isAccepted()
    {
        var stock = new NodeStock("n1");
        Assert.Equal("n1", stock.NodeId);
    }

    [Fact]
    public void Id_longerThanLimit_throwsTooLong()
    {
        var ex = Assert.Throws<DomainException>(() => new NodeStock(new string('x', Limits.MaxIdLength + 1)));
        Assert.Equal("id.too_long", ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Id_blank_throwsEmpty(string id)
    {
        var ex = Assert.Throws<DomainException>(() => new NodeStock(id));
        Assert.Equal("id.empty", ex.Code);
    }
}
