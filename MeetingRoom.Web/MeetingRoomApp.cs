using System.Text.Json.Serialization;
using MeetingRoom.Web.Components;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Features.Meetings;
using MeetingRoom.Web.Features.Members;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Features.Rooms;
using MeetingRoom.Web.Infrastructure;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Observability;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Infrastructure.ScaleOut;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace MeetingRoom.Web;

/// <summary>
/// Builds the whole application. <c>Program</c> uses it, and so do tests that host the app on a
/// real port for a browser (<paramref name="configure"/> lets them swap the clock or settings).
/// </summary>
public static class MeetingRoomApp
{
    public static WebApplication Create(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        AddServices(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    public static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        builder.AddObservability(); // OpenTelemetry over OTLP and/or Prometheus; nothing when neither is configured
        Infrastructure.Outbox.DomainEventSerializer.EnsureKnown(); // two event types of one name stop the start here
        services.Configure<DatabaseOptions>(config.GetSection(DatabaseOptions.Section));
        services.Configure<DemoOptions>(config.GetSection(DemoOptions.Section));
        services.Configure<BookingOptions>(config.GetSection(BookingOptions.Section));
        services.Configure<OverloadOptions>(config.GetSection(OverloadOptions.Section));
        services.AddSingleton<BookingAdmission>();
        services.AddSingleton<SlotTurns>();
        services.AddSingleton<OpeningLine>();
        services.AddSingleton<BookingAnswers>(); // counts answered booking requests (MeetingRoomMetrics, opening demand)
        builder.AddInsights(); // issue 23: opening demand counted in memory and written in batches; the figures
        services.AddHeldSlots();
        services.AddBookingEdgeLimit(config);
        services.AddMeetingRoomDatabase(config, builder.Environment.ContentRootPath);
        services.AddHostedService<DatabaseInitializer>();

        // Sign-in: ASP.NET Core Identity with cookies (pages) and bearer tokens (API, /api/auth/login).
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddSignInManager<AppSignInManager>() // no account enumeration (unknown, wrong password, locked: one answer)
            .AddUserManager<AppUserManager>(); // evicts a changed account's cached security stamp
        services.AddSingleton<DecoyPasswordHash>();
        services.AddMemoryCache();
        services.AddSingleton<SecurityStampCache>();
        services.AddSingleton<SecurityStampLoader>();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, BearerTokenRevocation.Configure);
        builder.AddWebSecurity();
        services.Configure<PasswordHasherOptions>(config.GetSection("Identity:PasswordHasher"));
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.MemberPolicy, p => p.RequireRole(Roles.Member, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin));

        // Pages are UTF-8: Korean (and every script) is written as its characters, not as &#x…; references (issue 25;
        // readable and a third smaller). Markup-significant characters (< > & " ') are still encoded.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemResults.Customize);
        services.AddExceptionHandler<BadInputExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);

        // Application services, by feature.
        services.AddSiteRules();
        services.AddScoped<BookingStore>();
        services.AddScoped<BookingService>();
        services.AddSingleton<BookingWriter>();
        services.AddScoped<WaitlistService>();
        services.AddScoped<WaitlistHandOver>();
        services.AddScoped<Infrastructure.Outbox.IOutboxHandler>(sp => sp.GetRequiredService<WaitlistHandOver>());
        services.AddScoped<MeetingService>();
        services.AddScoped<ApprovalService>();
        services.AddScoped<RoomService>();
        services.AddScoped<Features.Rooms.RoomFinder>(); // issue 25: find a room now
        services.AddScoped<Features.Schedule.Door.DoorDisplayService>();
        services.AddScoped<Features.Schedule.Door.DoorQuery>();
        services.AddSingleton<Features.Meetings.CheckInCodes>();
        services.AddScoped<Features.Meetings.CheckInService>();
        builder.AddBoard();
        builder.AddScaleOut(); // Redis between instances, when ConnectionStrings:Redis is set
        builder.AddInstanceDrain();
        builder.AddNotifications();
        builder.AddMembers(); // P1: single sign-on, member administration, invitations, deactivation, API tokens
        services.AddScoped<EquipmentInventory>();
        Features.Series.SeriesSetup.AddSeries(services); // issue 22: standing reservations for admins
        services.AddHostedService<BookingClock>();
        builder.AddUi();
        services.AddSiteLocalization();
        services.AddMudTexts(); // MudBlazor's own texts (pager, date picker, dialogs) from our resources
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseInstanceDrain();
        app.UseWebSecurity();
        app.UseRequestLocalization(); // the request's language (SiteLocalization) before anything writes text
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A client error (unreadable body, invalid input) is handled as a 400 problem and logged by the handler
            // at Information; the middleware records diagnostics only for server errors.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseStatusCodePages();
        app.UseClientErrorProblems();
        app.UsePageErrors();
        app.UseRouting();
        app.UseRateLimiter(); // sheds booking overload before the cost of authentication
        app.UseAuthentication();
        app.UseAuthorization();

        app.UseObservability(); // /metrics for Prometheus when on
        app.MapOpenApi();
        app.MapScalarApiReference(); // /scalar: the browsable API reference over /openapi/v1.json, served offline
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        app.MapMeetingRoomIdentityApi();
        app.MapMembers();

        app.MapRoomEndpoints();
        Features.Schedule.Door.DoorEndpoints.MapDoorEndpoints(app);
        Features.Meetings.CheckInEndpoints.MapCheckInEndpoints(app);
        app.MapBookingEndpoints();
        app.MapWaitlistEndpoints();
        app.MapMeetingEndpoints();
        app.MapAdminEndpoints();
        app.MapLanguageSwitch();
        app.MapBoard();
        app.MapNotifications();
        app.MapEquipmentEndpoints();
        Features.Insights.InsightsEndpoints.MapInsightsEndpoints(app); // issue 23: /api/admin/insights
        Features.Series.SeriesEndpoints.MapSeriesEndpoints(app); // issue 22: /api/admin/series
        app.UseUi();
    }
}
