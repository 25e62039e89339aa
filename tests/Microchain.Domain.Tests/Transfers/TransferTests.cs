using Microchain.Domain.Inventory;
using Microchain.Domain.Transfers;

namespace Microchain.Domain.Tests.Transfers;

public sealed class TransferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> NoReasons = new(StringComparer.Ordinal);

    private static NodeStock Stocked(string nodeId, int onHand, int reserved = 0)
    {
        var stock = new NodeStock(nodeId);
        stock.SetCapacity("a", 100, T0);
        if (onHand > 0) stock.Receive("a", onHand, "opening", T0);
        if (reserved > 0) Assert.True(stock.TryReserve("o1", [new StockLine("a", reserved)], T0.AddHours(1), T0).Succeeded);
        return stock;
    }

    private static Transfer InTransit(params StockLine[] lines)
    {
        var transfer = Transfer.Start(Transfer.DecideShip("t1", "src", "dst", lines, null, T0));
        transfer.Apply(transfer.DecideInTransit(T0));
        return transfer;
    }

    [Fact]
    public void ShipTransfer_moreThanOnHandLessReserved_isRefusedAndChangesNothing()
    {
        var source = Stocked("src", onHand: 10, reserved: 4);
        var ex = Assert.Throws<DomainException>(() => source.ShipTransfer("t1", "dst", [new StockLine("a", 7)], "", T0));
        Assert.Equal("transfer.insufficient", ex.Code);
        Assert.Equal(new InventoryPosition(10, 4, 0, 100), source.PositionOf("a"));
        Assert.Single(source.ShipTransfer("t1", "dst", [new StockLine("a", 6)], "", T0));
        Assert.Equal(new InventoryPosition(4, 4, 0, 100), source.PositionOf("a"));
    }

    [Fact]
    public void ShipTransfer_retriedWithSameLines_isNoOp_andWithOtherLines_isConflict()
    {
        var source = Stocked("src", onHand: 10);
        source.ShipTransfer("t1", "dst", [new StockLine("a", 3)], "", T0);
        Assert.Empty(source.ShipTransfer("t1", "dst", [new StockLine("a", 3)], "", T0));
        Assert.Equal("transfer.conflict", Assert.Throws<DomainException>(() => source.ShipTransfer("t1", "dst", [new StockLine("a", 4)], "", T0)).Code);
        Assert.Equal(7, source.PositionOf("a").OnHand);
    }

    [Fact]
    public void Destination_partialReceiptsThenClose_movesInTransitToOnHandAndWritesOffTheRest()
    {
        var destination = Stocked("dst", onHand: 0);
        destination.ExpectTransfer("t1", "src", [new StockLine("a", 10)], T0);
        Assert.Equal(10, destination.PositionOf("a").InTransit);
        destination.ReceiveTransfer("t1", "r1", [new StockLine("a", 4)], T0);
        Assert.Empty(destination.ReceiveTransfer("t1", "r1", [new StockLine("a", 4)], T0));
        Assert.Equal(new InventoryPosition(4, 0, 6, 100), destination.PositionOf("a"));
        Assert.Equal("transfer.over_receipt", Assert.Throws<DomainException>(() => destination.ReceiveTransfer("t1", "r2", [new StockLine("a", 7)], T0)).Code);
        destination.CloseTransfer("t1", [new TransferDiscrepancy("a", 6, "lost")], T0);
        Assert.Equal(new InventoryPosition(4, 0, 0, 100), destination.PositionOf("a"));
        Assert.True(destination.InboundTransferOf("t1")!.Closed);
    }

    [Fact]
    public void Destination_receiptBeyondCapacity_isRefusedAndChangesNothing()
    {
        var destination = Stocked("dst", onHand: 95);
        destination.ExpectTransfer("t1", "src", [new StockLine("a", 10)], T0);
        Assert.Equal("stock.over_capacity", Assert.Throws<DomainException>(() => destination.ReceiveTransfer("t1", "r1", [new StockLine("a", 6)], T0)).Code);
        Assert.Equal(new InventoryPosition(95, 0, 10, 100), destination.PositionOf("a"));
    }

    [Fact]
    public void Transfer_lastReceipt_closesInFull()
    {
        var transfer = InTransit(new StockLine("a", 5), new StockLine("b", 2));
        foreach (var e in transfer.DecideReceipt("r1", [new StockLine("a", 5)], T0)) transfer.Apply(e);
        Assert.Equal(TransferStatus.PartiallyReceived, transfer.Status);
        var events = transfer.DecideReceipt("r2", [new StockLine("b", 2)], T0);
        Assert.IsType<TransferClosed>(events[^1]);
        foreach (var e in events) transfer.Apply(e);
        Assert.Equal(TransferStatus.Closed, transfer.Status);
        Assert.Empty(transfer.Discrepancies);
    }

    [Fact]
    public void Transfer_closeShort_needsAKnownReasonForEveryOpenLine()
    {
        var transfer = InTransit(new StockLine("a", 5), new StockLine("b", 2));
        foreach (var e in transfer.DecideReceipt("r1", [new StockLine("a", 3)], T0)) transfer.Apply(e);
        Assert.Equal("transfer.reason_missing", Assert.Throws<DomainException>(() =>
            transfer.DecideClose(new Dictionary<string, string> { ["a"] = "damaged" }, null, T0)).Code);
        Assert.Equal("transfer.reason", Assert.Throws<DomainException>(() => transfer.DecideClose(NoReasons, "gremlins", T0)).Code);
        var closed = transfer.DecideClose(new Dictionary<string, string> { ["a"] = "damaged" }, "lost", T0);
        Assert.Equal([new TransferDiscrepancy("a", 2, "damaged"), new TransferDiscrepancy("b", 2, "lost")], closed.Discrepancies);
    }

    [Fact]
    public void Transfer_receiptOfAnUnshippedSku_isRefused()
    {
        var transfer = InTransit(new StockLine("a", 5));
        Assert.Equal("transfer.unknown_line", Assert.Throws<DomainException>(() => transfer.DecideReceipt("r1", [new StockLine("z", 1)], T0)).Code);
        Assert.Equal("transfer.same_node", Assert.Throws<DomainException>(() => Transfer.DecideShip("t2", "n", "n", [new StockLine("a", 1)], null, T0)).Code);
    }
}
