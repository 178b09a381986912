using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Infrastructure.Outbox;

/// <summary>
/// Issue 24: with tracing on, an outbox row keeps the W3C trace context (traceparent, tracestate) of the span that
/// wrote it (the request's), which the change feed's spans continue. (Off: <see cref="Observability.ObservabilityOffTests"/>.)
/// </summary>
[Collection(OpenTelemetryCollection.Name)]
public sealed class OutboxTraceContextTests(TracingFactory app) : IClassFixture<TracingFactory>
{
    [Fact]
    public async Task An_outbox_row_keeps_the_trace_context_of_the_request_that_wrote_it()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Trace context");
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings")
        {
            Content = JsonContent.Create(new { roomId = room, date = Today, start = "10:00" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add("tracestate", "vendor=opaque");

        var response = await member.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var server = await app.WaitForSpanAsync(s => s.TraceId == traceId && s.Kind == ActivityKind.Server, "the request");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Outbox.AsNoTracking().Where(r => r.Type == "BookingPlaced").ToListAsync();
        var row = Assert.Single(rows, r => r.TraceParent != null && r.TraceParent.Contains(traceId.ToHexString()));
        Assert.Equal(server.Id, row.TraceParent); // 00-{trace id}-{the request span's id}-01
        Assert.Equal("vendor=opaque", row.TraceState);
    }
}
