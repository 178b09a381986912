using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Infrastructure.Observability;

/// <summary>
/// Issue 24 with tracing on (an in-memory exporter beside the OTLP one): a booking is one trace from
/// <c>POST /api/bookings</c> through its database commands (PostgreSQL: Npgsql's spans; SQLite has none), the outbox
/// message it wrote, every stored handler's work on that message, to the push; its problem details and its log
/// records carry the trace id, the logs the instance name too.
/// </summary>
[Collection(OpenTelemetryCollection.Name)]
public sealed class BookingTraceTests(BookingTraceTests.Factory app) : IClassFixture<BookingTraceTests.Factory>
{
    /// <summary>The traced app, with its log records collected, and one record at Information per request (<see cref="RequestLogged"/>).</summary>
    public sealed class Factory : TracingFactory
    {
        public const string RequestLogged = "Test saw request";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddLogging(l => l.AddFakeLogging());
                services.AddSingleton<IStartupFilter, LogEveryRequest>(); // after the app's own filters: inside their scopes
            });
        }

        private sealed class LogEveryRequest : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("MeetingRoom.Tests.Requests");
                app.Use(async (context, inner) =>
                {
                    logger.LogInformation(RequestLogged + " {Method} {Path}", context.Request.Method, context.Request.Path.Value);
                    await inner(context);
                });
                next(app);
            };
        }
    }

    /// <summary>A request that continues <paramref name="traceId"/> (as a proxy or a traced client would), so the test knows the trace.</summary>
    private static HttpRequestMessage Traced(HttpMethod method, string path, ActivityTraceId traceId, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return request;
    }

    private static bool IsRequest(Activity span, ActivityTraceId traceId) =>
        span.TraceId == traceId && span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore";

    private async Task<List<OutboxMessage>> RowsOfTraceAsync(ActivityTraceId traceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var prefix = $"00-{traceId}-";
        return await db.Outbox.AsNoTracking().Where(m => m.TraceParent != null && m.TraceParent.StartsWith(prefix)).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<List<string>> StoredHandlersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetServices<IOutboxHandler>().Select(h => h.Name).Distinct().ToList();
    }

    [Fact]
    public async Task A_booking_is_one_trace_from_the_request_through_every_stored_handler_to_the_push()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Traced booking");
        var handlers = await StoredHandlersAsync();
        foreach (var handler in handlers) await app.WaitForHandlerAsync(handler); // the room's messages are behind us
        var traceId = ActivityTraceId.CreateRandom();

        var response = await member.Http.SendAsync(Traced(HttpMethod.Post, "/api/bookings", traceId,
            JsonContent.Create(new { roomId = room, date = Today, start = "10:00" })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var handler in handlers) await app.WaitForHandlerAsync(handler);

        var request = await app.WaitForSpanAsync(s => IsRequest(s, traceId), "the request");
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        var rows = await RowsOfTraceAsync(traceId);
        Assert.NotEmpty(rows); // the booking's outbox message(s), with the request's trace context
        foreach (var row in rows)
            foreach (var handler in handlers)
            {
                var work = await app.WaitForSpanAsync(s => s.TraceId == traceId && s.Source.Name == MeetingRoomTracing.SourceName
                    && Equals(s.GetTagItem(OutboxTracing.HandlerTag), handler) && Equals(s.GetTagItem(OutboxTracing.MessageIdTag), row.Id),
                    $"handler {handler} on message {row.Id}");
                Assert.Equal(request.SpanId, work.ParentSpanId); // its parent is the span that wrote the message
                Assert.Equal(row.Type, work.GetTagItem(OutboxTracing.EventTag));
            }
        await app.WaitForSpanAsync(s => s.TraceId == traceId && s.DisplayName == "push schedule", "the schedule push");

        if (OnPostgreSql) // Npgsql's commands: the request's own, and the handlers' saves
        {
            var spans = app.Spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
            var commands = spans.Where(s => s.Source.Name == "Npgsql").ToList();
            Assert.Contains(commands, c => c.ParentSpanId == request.SpanId);
            var saves = spans.Where(s => s.DisplayName.StartsWith("outbox ") && s.DisplayName.EndsWith(" save")).Select(s => s.SpanId).ToHashSet();
            Assert.Contains(commands, c => saves.Contains(c.ParentSpanId));
        }
    }

    [Fact]
    public async Task The_change_feed_s_polls_and_claims_make_no_traces_of_their_own()
    {
        if (!OnPostgreSql) return; // SQLite commands make no spans at all
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Quiet feed");
        var traceId = ActivityTraceId.CreateRandom();

        var response = await member.Http.SendAsync(Traced(HttpMethod.Post, "/api/bookings", traceId,
            JsonContent.Create(new { roomId = room, date = Today, start = "10:00" })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var handler in await StoredHandlersAsync()) await app.WaitForHandlerAsync(handler);
        await app.WaitForSpanAsync(s => s.TraceId == traceId && s.DisplayName == "push schedule", "the schedule push");

        var commands = app.Spans.Snapshot().Where(s => s.Source.Name == "Npgsql")
            .Select(s => (Span: s, Text: (s.GetTagItem("db.query.text") ?? s.GetTagItem("db.statement"))?.ToString() ?? "")).ToList();
        Assert.Contains(commands, c => c.Span.TraceId == traceId && c.Text.Contains("INSERT INTO \"Outbox\"")); // the request's, traced
        var feedOwn = commands.Where(c => c.Span.ParentSpanId == default
            && (c.Text.Contains("FOR UPDATE") || (c.Text.Contains("FROM \"Outbox\"") && c.Text.Contains("ORDER BY")))).ToList();
        Assert.Empty(feedOwn.Select(c => c.Text)); // the polls (new rows after the position) and the cursor claims
    }

    [Fact]
    public async Task Problem_details_carry_the_trace_id_of_the_request_span()
    {
        var member = await app.SignInNewAsync();
        var traceId = ActivityTraceId.CreateRandom();

        var response = await member.Http.SendAsync(Traced(HttpMethod.Post, "/api/bookings", traceId,
            new StringContent("{ not json", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        var request = await app.WaitForSpanAsync(s => IsRequest(s, traceId), "the request");
        Assert.Equal(request.Id, problem.GetProperty("traceId").GetString()); // W3C id: 00-{trace id}-{span id}-01
    }

    [Fact]
    public async Task A_log_record_written_during_a_request_carries_its_trace_id_and_the_instance_name()
    {
        var member = await app.SignInNewAsync();
        var traceId = ActivityTraceId.CreateRandom();

        var response = await member.Http.SendAsync(Traced(HttpMethod.Post, "/api/bookings", traceId,
            new StringContent("{ not json", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var records = app.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => Scope(r, "TraceId") == traceId.ToHexString()).ToList();
        var record = Assert.Single(records, r => r.Message.StartsWith(Factory.RequestLogged, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(TracingFactory.Instance, Scope(record, "Instance"));
        Assert.NotNull(Scope(record, "SpanId"));
    }

    [Fact]
    public void OTEL_SERVICE_NAME_and_OTEL_RESOURCE_ATTRIBUTES_name_the_service_and_the_instance_name_is_its_id()
    {
        var resource = app.Services.GetRequiredService<TracerProvider>().GetResource();
        var attributes = resource.Attributes.ToDictionary(a => a.Key, a => a.Value);

        Assert.Equal(TracingFactory.ServiceName, attributes["service.name"]); // over our default "meetingroom"
        Assert.Equal(TracingFactory.Instance, attributes["service.instance.id"]);
        Assert.Equal("test", attributes["deployment.environment.name"]);
    }

    /// <summary>The value of <paramref name="key"/> in the record's scopes (the activity scope, the instance scope), as text.</summary>
    private static string? Scope(FakeLogRecord record, string key) =>
        record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s)
            .Where(p => p.Key == key).Select(p => p.Value?.ToString()).FirstOrDefault();
}
