using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Microchain.Server.Tests.Webhooks;

[Collection(WebhookTestGroup.Name)]
public sealed class WebhookDeliveryTests(WebhookServerFixture server)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Checks the signature the way a receiver would, from the documented recipe, not the server's code.</summary>
    private static void AssertSigned(ReceivedHook hook, string secret)
    {
        var parts = hook.Signature!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var t = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(parts["t"] + "." + hook.Body)));
        Assert.Equal(expected, parts["v1"]);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t, 0, 300);
    }

    [Fact]
    public async Task Outbox_message_is_delivered_once_with_a_valid_signature()
    {
        var tenant = server.NewTenant();
        var inbox = server.Receiver.Open();
        var webhook = await tenant.SubscribeAsync(inbox.Url, ["order.*"], null, Ct);
        var id = webhook.GetProperty("id").GetString()!;
        var notification = await server.AppendOrderMoveAsync(tenant.Tenant, "order.allocated", Ct);

        var hook = await inbox.NextAsync(MaxWait, Ct);
        AssertSigned(hook, webhook.GetProperty("secret").GetString()!);
        Assert.Equal("order.allocated", hook.Event);
        Assert.Equal("application/json", hook.ContentType?.Split(';')[0]);
        var body = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal(hook.Delivery, body.GetProperty("id").GetString());
        Assert.Equal("order.allocated", body.GetProperty("event").GetString());
        Assert.Equal(tenant.Tenant, body.GetProperty("data").GetProperty("tenant").GetString());
        Assert.Equal(notification.OrderId, body.GetProperty("data").GetProperty("orderId").GetString());

        var log = await tenant.DeliveriesWhenAsync(id, d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", MaxWait, Ct);
        Assert.Equal(hook.Delivery, log[0].GetProperty("deliveryId").GetString());
        Assert.Equal(1, log[0].GetProperty("attempts").GetInt32());
        Assert.Equal(200, log[0].GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("nextAttemptAt").ValueKind);
        Assert.Single(inbox.All);
    }

    [Fact]
    public async Task Receiver_failing_twice_gets_three_attempts_with_one_delivery_id_and_the_log_shows_them()
    {
        var tenant = server.NewTenant();
        var inbox = server.Receiver.Open(500, 503);
        var webhook = await tenant.SubscribeAsync(inbox.Url, ["order.picked"], "retry-secret-0123456789", Ct);
        await server.AppendOrderMoveAsync(tenant.Tenant, "order.picked", Ct);

        var hooks = new[] { await inbox.NextAsync(MaxWait, Ct), await inbox.NextAsync(MaxWait, Ct), await inbox.NextAsync(MaxWait, Ct) };
        Assert.Single(hooks.Select(h => h.Delivery).Distinct());
        Assert.Single(hooks.Select(h => h.Body).Distinct());
        foreach (var hook in hooks) AssertSigned(hook, "retry-secret-0123456789");

        var log = await tenant.DeliveriesWhenAsync(webhook.GetProperty("id").GetString()!,
            d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", MaxWait, Ct);
        var delivery = log[0];
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal([500, 503, 200], delivery.GetProperty("history").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal([1, 2, 3], delivery.GetProperty("history").EnumerateArray().Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal(3, inbox.All.Count);
    }

    [Fact]
    public async Task Receiver_that_never_succeeds_is_given_up_after_max_attempts()
    {
        var tenant = server.NewTenant();
        var attempts = WebhookServerFixture.Options.MaxAttempts;
        var inbox = server.Receiver.Open([.. Enumerable.Repeat(500, attempts + 1)]);
        var webhook = await tenant.SubscribeAsync(inbox.Url, ["order.*"], null, Ct);
        await server.AppendOrderMoveAsync(tenant.Tenant, "order.failed", Ct);

        var log = await tenant.DeliveriesWhenAsync(webhook.GetProperty("id").GetString()!,
            d => d.Length == 1 && d[0].GetProperty("status").GetString() == "failed", MaxWait, Ct);
        Assert.Equal(attempts, log[0].GetProperty("attempts").GetInt32());
        Assert.Equal(500, log[0].GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("deliveredAt").ValueKind);
        Assert.Equal(attempts, inbox.All.Count);
    }

    [Fact]
    public async Task Event_not_subscribed_is_not_delivered()
    {
        var tenant = server.NewTenant();
        var inbox = server.Receiver.Open();
        var webhook = await tenant.SubscribeAsync(inbox.Url, ["order.delivered"], null, Ct);
        // Fan-out goes in outbox order, so by the time the later message is logged the earlier one was passed over.
        await server.AppendOrderMoveAsync(tenant.Tenant, "order.allocated", Ct);
        await server.AppendOrderMoveAsync(tenant.Tenant, "order.delivered", Ct);

        Assert.Equal("order.delivered", (await inbox.NextAsync(MaxWait, Ct)).Event);
        var log = await tenant.DeliveriesWhenAsync(webhook.GetProperty("id").GetString()!,
            d => d.Any(x => x.GetProperty("status").GetString() == "delivered"), MaxWait, Ct);
        Assert.Equal("order.delivered", Assert.Single(log).GetProperty("topic").GetString());
        Assert.Single(inbox.All);
    }

    [Fact]
    public async Task Message_of_one_tenant_reaches_only_that_tenants_webhooks()
    {
        var a = server.NewTenant();
        var b = server.NewTenant();
        var inboxA = server.Receiver.Open();
        var inboxB = server.Receiver.Open();
        var webhookA = await a.SubscribeAsync(inboxA.Url, ["order.*"], null, Ct);
        var webhookB = await b.SubscribeAsync(inboxB.Url, ["order.*"], null, Ct);
        var toA = await server.AppendOrderMoveAsync(a.Tenant, "order.dispatched", Ct);
        var toB = await server.AppendOrderMoveAsync(b.Tenant, "order.dispatched", Ct);

        var hookA = await inboxA.NextAsync(MaxWait, Ct);
        var hookB = await inboxB.NextAsync(MaxWait, Ct);
        Assert.Equal(toA.OrderId, JsonDocument.Parse(hookA.Body).RootElement.GetProperty("data").GetProperty("orderId").GetString());
        Assert.Equal(toB.OrderId, JsonDocument.Parse(hookB.Body).RootElement.GetProperty("data").GetProperty("orderId").GetString());
        AssertSigned(hookA, webhookA.GetProperty("secret").GetString()!);
        AssertSigned(hookB, webhookB.GetProperty("secret").GetString()!);
        // Both logs hold exactly their own tenant's message once it is delivered: nothing crossed over.
        foreach (var (tenant, webhook, inbox) in new[] { (a, webhookA, inboxA), (b, webhookB, inboxB) })
        {
            var log = await tenant.DeliveriesWhenAsync(webhook.GetProperty("id").GetString()!,
                d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", MaxWait, Ct);
            Assert.Equal(inbox.All.Single().Delivery, log[0].GetProperty("deliveryId").GetString());
        }
    }

    [Fact]
    public async Task Deleted_webhook_gets_no_more_deliveries()
    {
        var tenant = server.NewTenant();
        var gone = server.Receiver.Open();
        var kept = server.Receiver.Open();
        var goneId = (await tenant.SubscribeAsync(gone.Url, ["order.*"], null, Ct)).GetProperty("id").GetString();
        var keptId = (await tenant.SubscribeAsync(kept.Url, ["order.*"], null, Ct)).GetProperty("id").GetString()!;
        await tenant.JsonAsync(HttpMethod.Delete, $"/v1/webhooks/{goneId}", null, 204, Ct);
        await server.AppendOrderMoveAsync(tenant.Tenant, "order.cancelled", Ct);

        Assert.Equal("order.cancelled", (await kept.NextAsync(MaxWait, Ct)).Event);
        // The round that delivered to the kept webhook is recorded only after all of its POSTs returned.
        await tenant.DeliveriesWhenAsync(keptId, d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", MaxWait, Ct);
        Assert.Empty(gone.All);
    }

    [Fact]
    public async Task Receiver_that_hangs_does_not_hold_up_another_tenants_delivery()
    {
        var slowTenant = server.NewTenant();
        var fastTenant = server.NewTenant();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = server.Receiver.Open();
        slow.Gate = release.Task;
        var fast = server.Receiver.Open();
        var slowId = (await slowTenant.SubscribeAsync(slow.Url, ["order.*"], null, Ct)).GetProperty("id").GetString()!;
        var fastId = (await fastTenant.SubscribeAsync(fast.Url, ["order.*"], null, Ct)).GetProperty("id").GetString()!;
        try
        {
            await server.AppendOrderMoveAsync(slowTenant.Tenant, "order.picked", Ct);
            await slow.NextAsync(MaxWait, Ct); // now hanging inside the receiver until released

            await server.AppendOrderMoveAsync(fastTenant.Tenant, "order.picked", Ct);
            await fast.NextAsync(MaxWait, Ct);
            await fastTenant.DeliveriesWhenAsync(fastId, d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", MaxWait, Ct);
            var held = await slowTenant.JsonAsync(HttpMethod.Get, $"/v1/webhooks/{slowId}/deliveries", null, 200, Ct);
            Assert.Equal(0, held.GetProperty("items")[0].GetProperty("attempts").GetInt32());
        }
        finally
        {
            release.SetResult();
        }

        await slowTenant.DeliveriesWhenAsync(slowId, d => d.Length == 1 && d[0].GetProperty("status").GetString() == "delivered", MaxWait, Ct);
    }

    [Fact]
    public async Task Message_larger_than_the_payload_limit_is_skipped_and_the_next_one_delivered()
    {
        var tenant = server.NewTenant();
        var inbox = server.Receiver.Open();
        var id = (await tenant.SubscribeAsync(inbox.Url, ["order.*"], null, Ct)).GetProperty("id").GetString()!;
        var padding = new string('x', new Server.Webhooks.WebhookOptions().MaxPayloadBytes);
        var big = new Runtime.Journal.OutboxMessage("order.captured", JsonSerializer.Serialize(new { tenant = tenant.Tenant, orderId = "big", padding }));
        await server.Journal.AppendAsync("test-order/" + tenant.Tenant + "/big", 0, [new Runtime.Journal.EventData("TestOrderMoved", "{}")], [big], Ct);
        await server.AppendOrderMoveAsync(tenant.Tenant, "order.captured", Ct);

        var log = await tenant.DeliveriesWhenAsync(id, d => d.Any(x => x.GetProperty("status").GetString() == "delivered"), MaxWait, Ct);
        Assert.Single(log);
        Assert.NotEqual("big", JsonDocument.Parse(Assert.Single(inbox.All).Body).RootElement.GetProperty("data").GetProperty("orderId").GetString());
    }
}
