using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MeetingRoom.Web.Features.Bookings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Support;

/// <summary>What the API actually answered: (method, route pattern as in the OpenAPI document, status) per /api response.</summary>
public sealed partial class ResponseRecorder
{
    public sealed record Observation(string Method, string Route, int Status);

    private readonly ConcurrentQueue<Observation> _seen = new();

    public IReadOnlyCollection<Observation> Seen => _seen.ToArray();

    public void Add(Observation observation) => _seen.Enqueue(observation);

    /// <summary>"/api/rooms/{id:int}" and "/api/rooms/" as the OpenAPI document writes them: "/api/rooms/{id}", "/api/rooms".</summary>
    public static string Normalize(string route)
    {
        var plain = Constraint().Replace(route, "{$1}");
        return plain.Length > 1 ? plain.TrimEnd('/') : plain;
    }

    [GeneratedRegex(@"\{\*{0,2}([^}:=?]+)[^}]*\}")]
    private static partial Regex Constraint();

    /// <summary>A test-only middleware, first in the pipeline, that records every /api response with the endpoint that produced it.</summary>
    public sealed class StartupFilter(ResponseRecorder recorder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                await nextMiddleware(http);
                if (!http.Request.Path.StartsWithSegments("/api")) return;
                if (http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw } endpoint
                    && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(http.Request.Method) == true)
                    recorder.Add(new Observation(http.Request.Method, Normalize(raw), http.Response.StatusCode));
            });
            next(app);
        };
    }
}

/// <summary>
/// The app with a <see cref="ResponseRecorder"/> in its pipeline and room for one booking request at a
/// time and no queue (so a held admission place provokes the 429).
/// </summary>
public sealed class RecordingFactory : MeetingRoomFactory
{
    public ResponseRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Overload:BookingConcurrency", "1");
        builder.UseSetting("Overload:BookingQueue", "0");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ResponseRecorder.StartupFilter(Recorder)));
    }

    /// <summary>Holds the only booking place, so the next booking request is turned away (429).</summary>
    public async Task<IDisposable> HoldBookingAdmissionAsync() =>
        await Services.GetRequiredService<BookingAdmission>().EnterAsync(default) ?? throw new InvalidOperationException("The booking place is taken.");
}
