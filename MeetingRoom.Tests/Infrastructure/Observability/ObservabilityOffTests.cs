using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Infrastructure.Observability;

/// <summary>
/// Issue 24, off: with no OTLP endpoint and Prometheus off, OpenTelemetry is not registered at all (no provider, no
/// listener on our source), and a booking's outbox row has no trace context.
/// </summary>
[Collection(OpenTelemetryCollection.Name)]
public sealed class ObservabilityOffTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public void With_no_OTLP_endpoint_and_Prometheus_off_no_provider_or_listener_is_registered()
    {
        _ = app.Services; // started

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.False(MeetingRoomTracing.Source.HasListeners());
    }

    [Fact]
    public async Task With_tracing_off_a_booking_s_outbox_row_has_no_trace_context()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Untraced booking");

        var booking = await member.BookOkAsync(room, Today, "10:00");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Outbox.AsNoTracking().ToListAsync();
        var row = Assert.Single(rows, r => r.Type == "BookingPlaced" && r.Payload.Contains(booking.ToString()));
        Assert.Null(row.TraceParent);
        Assert.Null(row.TraceState);
    }
}
