using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>
/// Web security of the whole app, with the framework's middleware: forwarded headers from configured
/// proxies, HSTS and HTTPS redirection and Secure cookies when the site requires HTTPS, security
/// headers on every response, and problem details for client errors other components write as text.
/// </summary>
public static class WebSecurity
{
    public static void AddWebSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = Options(builder.Configuration, builder.Environment);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in options.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        if (options.RequireHttps == true)
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
            services.AddHttpsRedirection(o => o.HttpsPort = options.HttpsPort);
            services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
    }

    public static SecurityOptions Options(IConfiguration config, IHostEnvironment environment)
    {
        var options = config.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        options.RequireHttps ??= environment.IsProduction();
        return options;
    }

    /// <summary>First in the pipeline: the real client and scheme, then HSTS/redirect, then the headers.</summary>
    public static void UseWebSecurity(this WebApplication app)
    {
        var policy = SecurityOptions.ContentSecurityPolicyWith(app.Services.GetServices<FormActionOrigin>());
        app.UseForwardedHeaders();
        if (Options(app.Configuration, app.Environment).RequireHttps == true)
        {
            app.UseHsts();
            // Health checks and Prometheus's scrape (/metrics) reach each instance directly over plain HTTP: never redirected.
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics"), branch => branch.UseHttpsRedirection());
        }
        app.Use((http, next) =>
        {
            // Set as the response starts, so the policy replaces (not adds to) the frame-ancestors-only CSP
            // that interactive server rendering writes: one policy per response.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                // Scalar's API reference page (/scalar) runs an inline bootstrap script; everything else runs under the policy.
                if (!http.Request.Path.StartsWithSegments("/scalar"))
                    headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    /// <summary>
    /// Every client error is a problem: a 4xx that SignalR (<c>/hubs</c>, <c>/_blazor</c>) or a page's form
    /// post (e.g. a missing antiforgery token) writes as text is replaced with the problem of its status.
    /// </summary>
    public static void UseClientErrorProblems(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/hubs") || http.Request.Path.StartsWithSegments("/_blazor")
                            || (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api")),
            branch => branch.Use(async (http, next) =>
            {
                if (http.WebSockets.IsWebSocketRequest)
                {
                    await next(http);
                    return;
                }
                var original = http.Features.Get<IHttpResponseBodyFeature>()!;
                var guard = new ClientErrorGuard(http.Response, original.Stream);
                http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(guard, original));
                try
                {
                    await next(http);
                }
                finally
                {
                    http.Features.Set(original);
                }
                if (!http.Response.HasStarted && !guard.WroteThrough && http.Response.StatusCode is >= 400 and < 500
                    && http.Response.ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) != true)
                {
                    var text = guard.Swallowed ?? "";
                    var status = http.Response.StatusCode;
                    http.Response.Headers.ContentLength = null;
                    http.Response.ContentType = null;
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = new ProblemDetails { Status = status, Detail = text.Length > 0 ? text : null },
                    });
                }
            }));

    /// <summary>Passes a response through, unless it is a client error that is not already a problem: that one is held back.</summary>
    private sealed class ClientErrorGuard(HttpResponse response, Stream inner) : Stream
    {
        private bool? _hold;
        private readonly StringBuilder _text = new();

        /// <summary>The held-back text (first 200 characters), or null when the response went through.</summary>
        public string? Swallowed => _hold == true ? _text.ToString() : null;

        /// <summary>Whether any of the response went to the client.</summary>
        public bool WroteThrough { get; private set; }

        private bool Hold() => _hold ??= response.StatusCode is >= 400 and < 500
                                         && response.ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) != true;

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_text.Length < 200) _text.Append(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 200 - _text.Length)]));
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Hold()) Keep(buffer.AsSpan(offset, count));
            else { WroteThrough = true; inner.Write(buffer, offset, count); }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            if (!Hold()) { WroteThrough = true; return inner.WriteAsync(buffer, ct); }
            Keep(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
            if (!Hold()) inner.Flush();
        }

        public override Task FlushAsync(CancellationToken ct) => Hold() ? Task.CompletedTask : inner.FlushAsync(ct);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
