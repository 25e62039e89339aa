using Microchain.Runtime.Journal;
using Microchain.Server.Auth;
using Microchain.Server.Errors;
using Microchain.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchain.Server.Endpoints;

/// <summary>Webhook subscriptions of the caller's tenant and the delivery log of each.</summary>
public static class WebhookEndpoints
{
    public const int MaxUrlLength = 2_000;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;

    public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret);

    public sealed record WebhookView(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);

    /// <summary>The answer to a creation: the only time the secret is shown.</summary>
    public sealed record WebhookCreated(string Id, string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt);

    public sealed record WebhookList(IReadOnlyList<WebhookView> Items);

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks").WithTags("Webhooks");
        group.MapPost("/", async Task<Results<Created<WebhookCreated>, ProblemHttpResult>> (HttpContext http, WebhookRegistry registry,
                WebhookOptions options, CreateWebhookRequest body, CancellationToken ct) =>
            {
                if (Check(body) is { } problem) return problem;
                var (created, error) = await registry.CreateAsync(http.Tenant(), new Uri(body.Url!), [.. body.Events!.Distinct(StringComparer.Ordinal)], body.Secret, ct);
                if (created is null || error != WebhookRegistry.CreateError.None)
                    return Problems.Create(StatusCodes.Status409Conflict, "too-many-webhooks", "Too many webhooks",
                        $"a tenant may hold at most {options.MaxSubscriptionsPerTenant} webhooks; delete one first");
                return TypedResults.Created($"/v1/webhooks/{created.Id}",
                    new WebhookCreated(created.Id, created.Url.AbsoluteUri, created.Events, created.Secret, created.CreatedAt));
            })
            .WithSummary("Subscribes a URL to order events (\"order.*\" or exact topics such as \"order.allocated\"); answers the signing secret, shown only here.");
        group.MapGet("/", async (HttpContext http, WebhookRegistry registry, CancellationToken ct) =>
                TypedResults.Ok(new WebhookList([.. (await registry.ListAsync(http.Tenant(), ct)).Select(View)])))
            .WithSummary("The tenant's webhooks, oldest first (secrets are not shown).");
        group.MapGet("/{id}", async Task<Results<Ok<WebhookView>, ProblemHttpResult>> (HttpContext http, WebhookRegistry registry, string id, CancellationToken ct) =>
                await registry.FindAsync(http.Tenant(), id, ct) is { } s ? TypedResults.Ok(View(s)) : Problems.NotFound("webhook", id))
            .WithSummary("One webhook.");
        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (HttpContext http, WebhookRegistry registry, string id, CancellationToken ct) =>
                await registry.DeleteAsync(http.Tenant(), id, ct) ? TypedResults.NoContent() : Problems.NotFound("webhook", id))
            .WithSummary("Deletes a webhook; its pending deliveries are dropped.");
        group.MapGet("/{id}/deliveries", async Task<Results<Ok<Page<DeliveryView>>, ProblemHttpResult>> (HttpContext http, WebhookRegistry registry,
                IEventJournal journal, string id, int? offset, int? limit, CancellationToken ct) =>
            {
                if (Paging.Check(offset, limit) is { } paging) return Problems.BadRequest("bad-paging", paging);
                if (await registry.FindAsync(http.Tenant(), id, ct) is null) return Problems.NotFound("webhook", id);
                return TypedResults.Ok(Paging.Of(await DeliveryLog.ReadViewsAsync(journal, http.Tenant(), id, ct), offset, limit));
            })
            .WithSummary("The webhook's delivery log, newest first: each message's attempts, last status or error, next attempt and when it was delivered.");
        return app;
    }

    private static WebhookView View(WebhookSubscription s) => new(s.Id, s.Url.AbsoluteUri, s.Events, s.CreatedAt);

    private static ProblemHttpResult? Check(CreateWebhookRequest body)
    {
        if (string.IsNullOrWhiteSpace(body.Url) || body.Url.Length > MaxUrlLength
            || !Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return Problems.BadRequest("invalid-url", $"url must be an absolute http or https URL of at most {MaxUrlLength} characters");
        if (body.Events is not { Count: > 0 } events || events.Count > WebhookTopics.MaxPatterns)
            return Problems.BadRequest("invalid-events", $"events must list 1..{WebhookTopics.MaxPatterns} topics");
        if (events.Any(e => e is null || !WebhookTopics.IsKnownPattern(e)))
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "unknown-event", "Unknown event",
                $"'{events.First(e => e is null || !WebhookTopics.IsKnownPattern(e))}' is not an event; use {WebhookTopics.AllOrders} or one of {string.Join(", ", WebhookTopics.Known)}");
        if (body.Secret is { } secret && (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(char.IsWhiteSpace)))
            return Problems.BadRequest("invalid-secret", $"a secret must be {MinSecretLength}..{MaxSecretLength} characters without spaces");
        return null;
    }
}
