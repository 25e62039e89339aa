using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microchain.Domain.Inventory;
using Microchain.Runtime.EventSourcing;
using Microchain.Runtime.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Microchain.Server.Tests;

/// <summary>Transfers over HTTP: the happy path, closing short, refusals that change nothing, retries and a race.</summary>
public abstract class TransferTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Units every lane's source is counted to before a test.</summary>
    private const int LaneUnits = 40;

    /// <summary>
    /// The order tenant's two MFCs (room for 1,000 units of everything) and a SKU of their own per test, from the
    /// start of the catalog: order suites take theirs from the end (see OrderTestSkus). The source is counted to
    /// <see cref="LaneUnits"/> first, so a test does not depend on what ran before it.
    /// </summary>
    private async Task<(string From, string To, string Sku, int OnHand)> Lane(int index)
    {
        server.SkipIfUnavailable();
        var city = server.OrderCity;
        var (from, to) = (city.MfcIds[0], city.MfcIds[1]);
        var sku = city.Network.Skus.Where(s => s.Active)
            .Where(s => city.Stock.Any(l => l.SkuId == s.Id && l.NodeId == from) && city.Stock.Any(l => l.SkuId == s.Id && l.NodeId == to))
            .ElementAt(index).Id;
        await Ok(HttpMethod.Post, $"/v1/nodes/{from}/counts", $$"""{"skuId":"{{sku}}","counted":{{LaneUnits}}}""");
        return (from, to, sku, LaneUnits);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? body = null)
    {
        StringContent? content = null;
        if (body is not null)
        {
            content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        return await server.Client.SendAsync(server.Authorized(method, path, content, server.OrderApiKey), Ct);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private async Task<JsonElement> Ok(HttpMethod method, string path, string? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Send(method, path, body);
        var json = await Json(response);
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    private async Task<(int OnHand, int InTransit)> Stock(string node, string sku)
    {
        var row = (await Ok(HttpMethod.Get, $"/v1/nodes/{node}/stock?limit=1000")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("skuId").GetString() == sku);
        return (row.GetProperty("onHand").GetInt32(), row.GetProperty("inTransit").GetInt32());
    }

    private async Task<JsonElement[]> Ledger(string node) =>
        (await Ok(HttpMethod.Get, $"/v1/nodes/{node}/ledger?limit=1000")).GetProperty("entries").EnumerateArray().ToArray();

    private static string ShipBody(string id, string from, string to, string sku, int quantity) =>
        $$"""{"transferId":"{{id}}","fromNodeId":"{{from}}","toNodeId":"{{to}}","lines":[{"skuId":"{{sku}}","quantity":{{quantity}}}],"reference":"rebalance"}""";

    private static string ReceiptBody(string receiptId, string sku, int quantity) =>
        $$"""{"receiptId":"{{receiptId}}","lines":[{"skuId":"{{sku}}","quantity":{{quantity}}}]}""";

    [Fact]
    public async Task Transfer_shipPartialReceiptReceipt_closesInFullAndLedgersShowEveryMove()
    {
        var (from, to, sku, onHand) = await Lane(0);
        var destinationBefore = await Stock(to, sku);
        var shipped = await Ok(HttpMethod.Post, "/v1/transfers", ShipBody("tr-full", from, to, sku, 10), HttpStatusCode.Created);
        Assert.Equal("InTransit", shipped.GetProperty("status").GetString());
        Assert.Equal((onHand - 10, 0), await Stock(from, sku));
        Assert.Equal((destinationBefore.OnHand, destinationBefore.InTransit + 10), await Stock(to, sku));

        var partial = await Ok(HttpMethod.Post, "/v1/transfers/tr-full/receipts", ReceiptBody("r1", sku, 4));
        Assert.Equal("PartiallyReceived", partial.GetProperty("status").GetString());
        Assert.Equal((destinationBefore.OnHand + 4, destinationBefore.InTransit + 6), await Stock(to, sku));
        var full = await Ok(HttpMethod.Post, "/v1/transfers/tr-full/receipts", ReceiptBody("r2", sku, 6));
        Assert.Equal("Closed", full.GetProperty("status").GetString());
        Assert.Equal((destinationBefore.OnHand + 10, destinationBefore.InTransit), await Stock(to, sku));

        var view = await Ok(HttpMethod.Get, "/v1/transfers/tr-full");
        var line = view.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal((10, 10, 0, 0), (line.GetProperty("shipped").GetInt32(), line.GetProperty("received").GetInt32(),
            line.GetProperty("inTransit").GetInt32(), line.GetProperty("writtenOff").GetInt32()));
        Assert.Equal(["transfer-shipped", "transfer-in-transit", "transfer-receipt-recorded", "transfer-receipt-recorded", "transfer-closed"],
            view.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("$type").GetString()));

        var outbound = (await Ledger(from)).Single(e => e.GetProperty("type").GetString() == "TransferShippedOut"
            && e.GetProperty("event").GetProperty("transferId").GetString() == "tr-full");
        Assert.Equal(to, outbound.GetProperty("event").GetProperty("toNodeId").GetString());
        var inbound = (await Ledger(to)).Where(e => e.GetProperty("event").TryGetProperty("transferId", out var t) && t.GetString() == "tr-full")
            .Select(e => e.GetProperty("type").GetString()!).ToArray();
        Assert.Equal(["TransferInboundRegistered", "TransferStockReceived", "TransferStockReceived"], inbound);

        var listed = await Ok(HttpMethod.Get, $"/v1/transfers?status=Closed&from={from}&to={to}");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("transferId").GetString() == "tr-full"
            && t.GetProperty("receivedUnits").GetInt32() == 10);
        Assert.DoesNotContain((await Ok(HttpMethod.Get, $"/v1/transfers?status=InTransit&from={from}")).GetProperty("items").EnumerateArray(),
            t => t.GetProperty("transferId").GetString() == "tr-full");
    }

    [Fact]
    public async Task Transfer_closedShort_writesOffWhatIsInTransitWithItsReason()
    {
        var (from, to, sku, _) = await Lane(1);
        var before = await Stock(to, sku);
        await Ok(HttpMethod.Post, "/v1/transfers", ShipBody("tr-short", from, to, sku, 8), HttpStatusCode.Created);
        await Ok(HttpMethod.Post, "/v1/transfers/tr-short/receipts", ReceiptBody("r1", sku, 5));

        using (var noReason = await Send(HttpMethod.Post, "/v1/transfers/tr-short:close", "{}"))
            Assert.Equal("transfer.reason_missing", (await ProblemAssert.IsProblem(noReason, 422)).GetProperty("code").GetString());
        var closeBody = $$"""{"lines":[{"skuId":"{{sku}}","reason":"damaged"}]}""";
        var closed = await Ok(HttpMethod.Post, "/v1/transfers/tr-short:close", closeBody);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var discrepancy = closed.GetProperty("discrepancies").EnumerateArray().Single();
        Assert.Equal((sku, 3, "damaged"), (discrepancy.GetProperty("skuId").GetString(), discrepancy.GetProperty("quantity").GetInt32(), discrepancy.GetProperty("reason").GetString()));
        Assert.Equal((before.OnHand + 5, before.InTransit), await Stock(to, sku));
        Assert.Contains(await Ledger(to), e => e.GetProperty("type").GetString() == "TransferInboundClosed");

        using (var again = await Send(HttpMethod.Post, "/v1/transfers/tr-short:close", closeBody))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        }
        using var otherReason = await Send(HttpMethod.Post, "/v1/transfers/tr-short:close", """{"reason":"lost"}""");
        Assert.Equal("transfer.closed", (await ProblemAssert.IsProblem(otherReason, 409)).GetProperty("code").GetString());
        using var lateReceipt = await Send(HttpMethod.Post, "/v1/transfers/tr-short/receipts", ReceiptBody("r2", sku, 1));
        await ProblemAssert.IsProblem(lateReceipt, 409);
        Assert.Equal((before.OnHand + 5, before.InTransit), await Stock(to, sku));
    }

    [Fact]
    public async Task Ship_moreThanAvailable_is409AndChangesNothing()
    {
        var (from, to, sku, onHand) = await Lane(2);
        var ledgers = ((await Ledger(from)).Length, (await Ledger(to)).Length);
        using var response = await Send(HttpMethod.Post, "/v1/transfers", ShipBody("tr-too-many", from, to, sku, onHand + 1));
        Assert.Equal("transfer.insufficient", (await ProblemAssert.IsProblem(response, 409)).GetProperty("code").GetString());
        Assert.Equal(((await Ledger(from)).Length, (await Ledger(to)).Length), ledgers);
        Assert.Equal(onHand, (await Stock(from, sku)).OnHand);
        using var missing = await Send(HttpMethod.Get, "/v1/transfers/tr-too-many");
        await ProblemAssert.IsProblem(missing, 404);
    }

    [Fact]
    public async Task Steps_retried_moveStockOnce_andReusedIdsWithOtherBodiesAreRefused()
    {
        var (from, to, sku, onHand) = await Lane(3);
        var before = await Stock(to, sku);
        await Ok(HttpMethod.Post, "/v1/transfers", ShipBody("tr-retry", from, to, sku, 6), HttpStatusCode.Created);
        using (var again = await Send(HttpMethod.Post, "/v1/transfers", ShipBody("tr-retry", from, to, sku, 6)))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        }
        using (var reused = await Send(HttpMethod.Post, "/v1/transfers", ShipBody("tr-retry", from, to, sku, 5)))
            Assert.Equal("idempotency-key-reused", (await ProblemAssert.IsProblem(reused, 422)).GetProperty("code").GetString());
        Assert.Equal(onHand - 6, (await Stock(from, sku)).OnHand);

        await Ok(HttpMethod.Post, "/v1/transfers/tr-retry/receipts", ReceiptBody("r1", sku, 2));
        await Ok(HttpMethod.Post, "/v1/transfers/tr-retry/receipts", ReceiptBody("r1", sku, 2));
        using (var reused = await Send(HttpMethod.Post, "/v1/transfers/tr-retry/receipts", ReceiptBody("r1", sku, 3)))
            await ProblemAssert.IsProblem(reused, 422);
        using (var over = await Send(HttpMethod.Post, "/v1/transfers/tr-retry/receipts", ReceiptBody("r2", sku, 5)))
            Assert.Equal("transfer.over_receipt", (await ProblemAssert.IsProblem(over, 409)).GetProperty("code").GetString());
        Assert.Equal((before.OnHand + 2, before.InTransit + 4), await Stock(to, sku));
        Assert.Single((await Ok(HttpMethod.Get, "/v1/transfers/tr-retry")).GetProperty("history").EnumerateArray(),
            e => e.GetProperty("$type").GetString() == "transfer-receipt-recorded");
    }

    [Fact]
    public async Task Concurrent_ships_from_one_node_never_take_stock_below_zero()
    {
        var (from, to, sku, onHand) = await Lane(4);
        var quantity = onHand / 4 + 1; // four would need more than there is: exactly three fit
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 10).Select(async i =>
        {
            await start.Task;
            using var response = await Send(HttpMethod.Post, "/v1/transfers", ShipBody($"tr-race-{i}", from, to, sku, quantity));
            return response.StatusCode;
        }).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);
        Assert.Equal(onHand / quantity, answers.Count(a => a == HttpStatusCode.Created));
        Assert.Equal(10 - onHand / quantity, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Equal(onHand - onHand / quantity * quantity, (await Stock(from, sku)).OnHand);
    }

    private INodeTransfers NodeTransfers(string nodeId) =>
        server.Services.GetRequiredService<IGrainFactory>().GetGrain<INodeTransfers>(GrainKey.Compose(server.OrderTenant, nodeId));

    /// <summary>A crash after a node's step but before the transfer recorded it: the client's retry records it, and the stock moves once.</summary>
    [Fact]
    public async Task Steps_whoseRecordWasLost_areCompletedByTheRetry_andMoveStockOnce()
    {
        var (from, to, sku, onHand) = await Lane(6);
        var before = await Stock(to, sku);
        Assert.True((await NodeTransfers(from).ShipTransfer("tr-lost", to, [new StockLine(sku, 9)], "rebalance", Ct)).Succeeded);
        await Ok(HttpMethod.Post, "/v1/transfers", ShipBody("tr-lost", from, to, sku, 9), HttpStatusCode.Created);
        Assert.Equal(onHand - 9, (await Stock(from, sku)).OnHand);
        Assert.Equal((before.OnHand, before.InTransit + 9), await Stock(to, sku));

        Assert.True((await NodeTransfers(to).ReceiveTransfer("tr-lost", "r-lost", [new StockLine(sku, 3)], Ct)).Succeeded);
        var received = await Ok(HttpMethod.Post, "/v1/transfers/tr-lost/receipts", ReceiptBody("r-lost", sku, 3));
        Assert.Equal(3, received.GetProperty("lines")[0].GetProperty("received").GetInt32());
        Assert.Equal((before.OnHand + 3, before.InTransit + 6), await Stock(to, sku));
    }

    /// <summary>A receipt applied at the destination whose record was lost and never retried: the next receipt's refusal there makes the transfer adopt it.</summary>
    [Fact]
    public async Task Receipt_appliedAtTheNodeButNeverRecorded_isAdoptedBeforeTheNextOne()
    {
        var (from, to, sku, _) = await Lane(7);
        var before = await Stock(to, sku);
        await Ok(HttpMethod.Post, "/v1/transfers", ShipBody("tr-orphan", from, to, sku, 10), HttpStatusCode.Created);
        Assert.True((await NodeTransfers(to).ReceiveTransfer("tr-orphan", "r-orphan", [new StockLine(sku, 4)], Ct)).Succeeded);

        using (var over = await Send(HttpMethod.Post, "/v1/transfers/tr-orphan/receipts", ReceiptBody("r2", sku, 7)))
            Assert.Equal("transfer.over_receipt", (await ProblemAssert.IsProblem(over, 409)).GetProperty("code").GetString());
        var adopted = await Ok(HttpMethod.Get, "/v1/transfers/tr-orphan");
        Assert.Equal((4, 6), (adopted.GetProperty("lines")[0].GetProperty("received").GetInt32(), adopted.GetProperty("lines")[0].GetProperty("inTransit").GetInt32()));
        var closed = await Ok(HttpMethod.Post, "/v1/transfers/tr-orphan/receipts", ReceiptBody("r2", sku, 6));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal((before.OnHand + 10, before.InTransit), await Stock(to, sku));
    }

    [Theory]
    [InlineData("""{"fromNodeId":"FROM","toNodeId":"TO","lines":[{"skuId":"SKU","quantity":1}]}""", 400, "transfer-id-required")]
    [InlineData("""{"transferId":"bad/id","fromNodeId":"FROM","toNodeId":"TO","lines":[{"skuId":"SKU","quantity":1}]}""", 400, "bad-transfer-id")]
    [InlineData("""{"transferId":"tr-bad-1","fromNodeId":"FROM","toNodeId":"TO","lines":[]}""", 400, "bad-lines")]
    [InlineData("""{"transferId":"tr-bad-2","fromNodeId":"FROM","toNodeId":"TO","lines":[{"skuId":"SKU","quantity":0}]}""", 400, "transfer.quantity")]
    [InlineData("""{"transferId":"tr-bad-3","fromNodeId":"FROM","toNodeId":"nowhere","lines":[{"skuId":"SKU","quantity":1}]}""", 422, "unknown-node")]
    [InlineData("""{"transferId":"tr-bad-4","fromNodeId":"FROM","toNodeId":"FROM","lines":[{"skuId":"SKU","quantity":1}]}""", 422, "transfer.same_node")]
    [InlineData("""{"transferId":"tr-bad-5","fromNodeId":"FROM","toNodeId":"TO","lines":[{"skuId":"no-such-sku","quantity":1}]}""", 422, "unknown-position")]
    [InlineData("""{"transferId":"tr-bad-6","fromNodeId":"FROM","toNodeId":"TO","lines":[{"skuId":"SKU","quantity":1}],"extra":1}""", 400, "malformed-json")]
    public async Task Ship_badInput_isProblemAndChangesNothing(string template, int status, string code)
    {
        var (from, to, sku, onHand) = await Lane(5);
        var body = template.Replace("FROM", from, StringComparison.Ordinal).Replace("\"TO\"", $"\"{to}\"", StringComparison.Ordinal)
            .Replace("\"SKU\"", $"\"{sku}\"", StringComparison.Ordinal);
        using var response = await Send(HttpMethod.Post, "/v1/transfers", body);
        Assert.Equal(code, (await ProblemAssert.IsProblem(response, status)).GetProperty("code").GetString());
        Assert.Equal(onHand, (await Stock(from, sku)).OnHand);
    }

    [Theory]
    [InlineData("POST", "/v1/transfers/tr-none/receipts", """{"receiptId":"r1","lines":[{"skuId":"x","quantity":1}]}""", 404)]
    [InlineData("POST", "/v1/transfers/tr-none:close", """{"reason":"lost"}""", 404)]
    [InlineData("GET", "/v1/transfers?status=Lost", null, 400)]
    [InlineData("GET", "/v1/transfers?limit=0", null, 400)]
    public async Task Transfer_unknownOrMalformed_isProblem(string method, string path, string? body, int status)
    {
        server.SkipIfUnavailable();
        using var response = await Send(new HttpMethod(method), path, body);
        await ProblemAssert.IsProblem(response, status);
    }
}

[Collection(ServerTestGroup.Name)]
public sealed class SqliteTransferTests(ServerFixture server) : TransferTests(server);

[Collection(PostgresServerTestGroup.Name)]
public sealed class PostgresTransferTests(PostgresServerFixture server) : TransferTests(server);
