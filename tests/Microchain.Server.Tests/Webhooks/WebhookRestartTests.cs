using Microchain.Domain.Orders;
using Microchain.Runtime.Journal;
using Microchain.Runtime.Orders;
using Microchain.Testing.Support.Postgres;
using Microchain.Server.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Microchain.Server.Tests.Webhooks;

/// <summary>
/// The dispatcher stopped and started again over the same journal file, on a fake clock that moves only when the
/// test moves it, so "the retry is due" is a fact the test sets, not a race it hopes to win.
/// </summary>
public sealed class WebhookRestartTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    private static readonly WebhookOptions Options = new()
    {
        PollInterval = TimeSpan.FromMinutes(1),
        BaseBackoff = TimeSpan.FromSeconds(10),
        MaxBackoff = TimeSpan.FromMinutes(1),
        JitterFraction = 0,
        AttemptTimeout = TimeSpan.FromMinutes(1),
    };

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "microchain-webhook-restart-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private WebhookReceiver? _receiver;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_receiver is not null) await _receiver.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Dispatcher_restart_resumes_a_pending_retry_and_does_not_resend_what_was_delivered(string store)
    {
        var location = store == "postgres"
            ? await postgres.CreateSchemaAsync(nameof(WebhookRestartTests), Ct)
            : Path.Combine(_dataDir, "journal.db");
        var inbox = _receiver!.Open(500);
        string subscriptionId;

        // Run 1: the first attempt fails; its retry is recorded for 10 s later, which the frozen clock never reaches.
        await using (var run = await Run.OpenAsync(location, _time))
        {
            subscriptionId = (await run.Registry.CreateAsync(Tenant, inbox.Url, ["order.*"], "restart-secret-0123456789", Ct)).Created!.Id;
            await AppendAsync(run.Journal, "order.promised");
            await run.StartAsync();
            Assert.Equal(500, await StatusAfterAsync(inbox, run, subscriptionId, 1));
        }

        // Run 2, after the backoff has passed: the retry comes from the journal, with the same delivery id.
        _time.Advance(Options.BaseBackoff);
        await using (var run = await Run.OpenAsync(location, _time))
        {
            await run.StartAsync();
            Assert.Equal(200, await StatusAfterAsync(inbox, run, subscriptionId, 2));
        }

        // Run 3: a new message goes out; the delivered one does not go out again.
        await using (var run = await Run.OpenAsync(location, _time))
        {
            await AppendAsync(run.Journal, "order.allocated");
            await run.StartAsync();
            Assert.Equal("order.allocated", (await inbox.NextAsync(MaxWait, Ct)).Event);
            var log = await WhenAsync(() => DeliveryLog.ReadViewsAsync(run.Journal, Tenant, subscriptionId, Ct), l => l.All(d => d.Status == DeliveryOutcome.Delivered));
            Assert.Equal([1, 2], log.Select(d => d.Attempts).Order());
        }

        var received = inbox.All;
        Assert.Equal(3, received.Count);
        Assert.Equal(received[0].Delivery, received[1].Delivery);
        Assert.NotEqual(received[0].Delivery, received[2].Delivery);
    }

    [Fact]
    public async Task Outbox_mark_failing_after_fan_out_does_not_schedule_the_message_twice()
    {
        var inbox = _receiver!.Open();
        FailingMarkJournal? failing = null;
        // Real time here: after the failure the dispatcher pauses one poll interval before it recovers.
        var options = Options with { PollInterval = TimeSpan.FromMilliseconds(10) };
        await using var run = await Run.OpenAsync(Path.Combine(_dataDir, "journal.db"), TimeProvider.System, options, j => failing = new FailingMarkJournal(j));
        var subscriptionId = (await run.Registry.CreateAsync(Tenant, inbox.Url, ["order.*"], null, Ct)).Created!.Id;
        await AppendAsync(run.Journal, "order.validated");
        await run.StartAsync();

        await inbox.NextAsync(MaxWait, Ct);
        var log = await WhenAsync(() => DeliveryLog.ReadViewsAsync(run.Journal, Tenant, subscriptionId, Ct), l => l.Any(d => d.Status == DeliveryOutcome.Delivered));
        Assert.Equal(1, failing!.FailedMarks);
        Assert.Single(log);
        Assert.Single(inbox.All);
        Assert.Empty(await WhenAsync(() => run.Journal.ReadOutboxAsync(10, Ct), o => o.Count == 0));
    }

    [Fact]
    public async Task Outbox_with_no_webhook_anywhere_is_marked_and_a_later_webhook_hears_only_later_moves()
    {
        var inbox = _receiver!.Open();
        var options = Options with { PollInterval = TimeSpan.FromMilliseconds(10) };
        await using var run = await Run.OpenAsync(Path.Combine(_dataDir, "journal.db"), TimeProvider.System, options);
        await AppendAsync(run.Journal, "order.validated");
        await run.StartAsync();
        await WhenAsync(() => run.Journal.ReadOutboxAsync(10, Ct), o => o.Count == 0);

        var subscriptionId = (await run.Registry.CreateAsync(Tenant, inbox.Url, ["order.*"], null, Ct)).Created!.Id;
        await AppendAsync(run.Journal, "order.allocated");

        Assert.Equal("order.allocated", (await inbox.NextAsync(MaxWait, Ct)).Event);
        var log = await WhenAsync(() => DeliveryLog.ReadViewsAsync(run.Journal, Tenant, subscriptionId, Ct), l => l.Any(d => d.Status == DeliveryOutcome.Delivered));
        Assert.Single(log);
        Assert.Single(inbox.All);
    }

    /// <summary>Takes the next request and waits until its attempt is recorded; returns the recorded status code.</summary>
    private static async Task<int?> StatusAfterAsync(Inbox inbox, Run run, string subscriptionId, int attempts)
    {
        await inbox.NextAsync(MaxWait, Ct);
        var log = await WhenAsync(() => DeliveryLog.ReadViewsAsync(run.Journal, Tenant, subscriptionId, Ct), l => l.Count == 1 && l[0].Attempts == attempts);
        return log[0].LastStatusCode;
    }

    private static async Task<T> WhenAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + MaxWait;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("condition not reached");
            await Task.Delay(10, Ct);
        }
    }

    private async Task AppendAsync(IEventJournal journal, string topic)
    {
        var orderId = "o-" + Guid.NewGuid().ToString("N")[..8];
        var notification = new OrderNotification(Tenant, orderId, topic, OrderStatus.Promised, 1, _time.GetUtcNow());
        await journal.AppendAsync("test-order/" + orderId, 0, [new EventData("TestOrderMoved", "{}")], [notification.ToOutbox()], Ct);
    }

    /// <summary>One life of the dispatcher: its own journal connection, registry and sender.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private WebhookDispatcher? _dispatcher;

        private readonly WebhookOptions _options;

        private Run(IEventJournal journal, TimeProvider time, WebhookOptions options)
        {
            Journal = journal;
            Time = time;
            _options = options;
            Registry = new WebhookRegistry(journal, options, time);
            Sender = new WebhookSender(options, time);
        }

        public IEventJournal Journal { get; }
        public TimeProvider Time { get; }
        public WebhookRegistry Registry { get; }
        public WebhookSender Sender { get; }

        /// <param name="location">A SQLite file path, or a PostgreSQL connection string.</param>
        public static async Task<Run> OpenAsync(string location, TimeProvider time, WebhookOptions? options = null, Func<IEventJournal, IEventJournal>? wrap = null)
        {
            IEventJournal journal = location.EndsWith(".db", StringComparison.Ordinal)
                ? await SqliteEventJournal.OpenAsync(location, time, Ct)
                : await PostgresEventJournal.OpenAsync(location, time, Ct);
            return new(wrap is null ? journal : wrap(journal), time, options ?? Options);
        }

        public async Task StartAsync()
        {
            _dispatcher = new WebhookDispatcher(Journal, Registry, Sender, _options, Time, NullLogger<WebhookDispatcher>.Instance);
            await _dispatcher.StartAsync(Ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (_dispatcher is not null)
            {
                await _dispatcher.StopAsync(CancellationToken.None);
                _dispatcher.Dispose();
            }

            Sender.Dispose();
            Registry.Dispose();
            await Journal.DisposeAsync();
        }
    }
}
