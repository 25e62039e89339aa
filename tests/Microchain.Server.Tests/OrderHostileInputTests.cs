using System.Net.Http.Headers;
using System.Text;

namespace Microchain.Server.Tests;

/// <summary>Every hostile order request is answered 4xx with problem+json and changes nothing.</summary>
public abstract class OrderHostileInputTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrderScenario _scenario = new(server);

    /// <summary>The scenario; skips the test when the fixture's store is not available here.</summary>
    private OrderScenario S
    {
        get
        {
            server.SkipIfUnavailable();
            return _scenario;
        }
    }

    public static TheoryData<string, string, int> Bodies => new()
    {
        { "unknown field", """{"customerId":"{C}","lines":[{"skuId":"{S}","quantity":1}],"deliverTo":{P},"coupon":"FREE"}""", 400 },
        { "duplicate field", """{"customerId":"{C}","customerId":"{C}","lines":[{"skuId":"{S}","quantity":1}],"deliverTo":{P}}""", 400 },
        { "zero quantity", """{"customerId":"{C}","lines":[{"skuId":"{S}","quantity":0}],"deliverTo":{P}}""", 422 },
        { "negative quantity", """{"customerId":"{C}","lines":[{"skuId":"{S}","quantity":-3}],"deliverTo":{P}}""", 422 },
        { "huge quantity", """{"customerId":"{C}","lines":[{"skuId":"{S}","quantity":2000000000}],"deliverTo":{P}}""", 422 },
        { "quantity beyond int", """{"customerId":"{C}","lines":[{"skuId":"{S}","quantity":99999999999999}],"deliverTo":{P}}""", 400 },
        { "unknown SKU", """{"customerId":"{C}","lines":[{"skuId":"NO-SUCH-SKU","quantity":1}],"deliverTo":{P}}""", 422 },
        { "unknown customer", """{"customerId":"nobody","lines":[{"skuId":"{S}","quantity":1}],"deliverTo":{P}}""", 422 },
        { "too many lines", """{"customerId":"{C}","lines":[{MANY}],"deliverTo":{P}}""", 422 },
        { "latitude out of range", """{"customerId":"{C}","lines":[{"skuId":"{S}","quantity":1}],"deliverTo":{"lat":123,"lon":4}}""", 400 },
        { "not JSON", """{"customerId":""", 400 },
        { "deep JSON", new string('[', 80) + new string(']', 80), 400 },
    };

    private (string Node, string Sku) Target() => (S.Node(0), S.Sku(OrderTestSkus.Hostile));

    private string Fill(string template)
    {
        var (_, sku) = Target();
        var customer = S.Customer();
        var point = server.OrderCity.Network.Customers.First(c => c.Id == customer).Location;
        var many = string.Join(",", Enumerable.Range(0, 120).Select(_ => $$"""{"skuId":"{{sku}}","quantity":1}"""));
        return template.Replace("{C}", customer, StringComparison.Ordinal).Replace("{S}", sku, StringComparison.Ordinal)
            .Replace("{MANY}", many, StringComparison.Ordinal)
            .Replace("{P}", $$"""{"lat":{{point.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"lon":{{point.Lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Hostile_body_is_refused_and_changes_nothing(string what, string template, int status)
    {
        var (node, sku) = Target();
        var before = await S.Position(node, sku);
        using var response = await S.PlaceOrder("hostile-" + what.Replace(" ", "-", StringComparison.Ordinal), Fill(template));
        Assert.True(status == (int)response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        await ProblemAssert.IsProblem(response, status);
        Assert.Equal(before, await S.Position(node, sku));
        using var replay = await S.PlaceOrder("hostile-" + what.Replace(" ", "-", StringComparison.Ordinal), S.OrderBody(S.Customer(), (sku, 1)));
        Assert.Equal(System.Net.HttpStatusCode.Created, replay.StatusCode); // the key was not consumed
        using var cancel = await S.Post($"/v1/orders/{(await OrderScenario.Json(replay)).GetProperty("orderId").GetString()}:cancel", "{}");
    }

    [Fact]
    public async Task Wrong_content_type_oversize_body_malformed_utf8_and_bad_keys_are_refused()
    {
        var (_, sku) = Target();
        var body = S.OrderBody(S.Customer(), (sku, 1));
        using (var r = await S.PlaceOrder("ct-1", body, "text/plain")) await ProblemAssert.IsProblem(r, 415);
        using (var r = await S.PlaceOrder("big-1", body.Replace("\"lines\"", $"\"pad\":\"{new string('x', 40_000)}\",\"lines\"", StringComparison.Ordinal))) await ProblemAssert.IsProblem(r, 413);
        using (var r = await S.PlaceOrder("", body)) Assert.Equal("idempotency-key", (await ProblemAssert.IsProblem(r, 400)).GetProperty("code").GetString());
        using (var r = await S.PlaceOrder(new string('k', 256), body)) await ProblemAssert.IsProblem(r, 400);

        var bytes = Encoding.UTF8.GetBytes(body).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'{') + 1, new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)',' });
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = server.Authorized(HttpMethod.Post, "/v1/orders", content, server.OrderApiKey);
        request.Headers.Add("Idempotency-Key", "utf8-1");
        using var bad = await server.Client.SendAsync(request, Ct);
        await ProblemAssert.IsProblem(bad, 400);
    }
}

[Collection(ServerTestGroup.Name)]
public sealed class SqliteOrderHostileInputTests(ServerFixture server) : OrderHostileInputTests(server);

[Collection(PostgresServerTestGroup.Name)]
public sealed class PostgresOrderHostileInputTests(PostgresServerFixture server) : OrderHostileInputTests(server);
