using Microchain.Runtime.Orders;

namespace Microchain.Runtime.Tests.Orders;

public sealed class OrderIdsTests
{
    private static readonly string OrderId = OrderIds.FromIdempotencyKey("t", "key-1");

    [Fact]
    public void ReservationFor_everyAttempt_mapsBackToItsOrder()
    {
        Assert.Equal(OrderId, OrderIds.ReservationFor(OrderId, 0));
        for (var attempt = 0; attempt <= OrderIds.MaxAttempts; attempt++)
            Assert.Equal(OrderId, OrderIds.OrderOf(OrderIds.ReservationFor(OrderId, attempt)));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderIds.ReservationFor(OrderId, OrderIds.MaxAttempts + 1));
    }

    [Theory]
    [InlineData("~0")]
    [InlineData("~01")]
    [InlineData("~+1")]
    [InlineData("~100")]
    [InlineData("~")]
    [InlineData("-1")]
    public void OrderOf_nonCanonicalAttempt_isNoOrder(string suffix) => Assert.Null(OrderIds.OrderOf(OrderId + suffix));

    [Fact]
    public void OrderOf_idOfAnotherKind_isNoOrder()
    {
        Assert.Null(OrderIds.OrderOf("transfer-42"));
        Assert.Null(OrderIds.OrderOf("o-short~1"));
    }
}
