using System.Security.Claims;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Features.Notifications.Calendar;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Outbox;

namespace MeetingRoom.Web.Features.Notifications;

public static class NotificationsSetup
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.AddSingleton<NotificationNotifier>();
        builder.Services.AddSingleton<NotificationTexts>();
        builder.Services.AddScoped<NotificationInbox>();
        builder.Services.AddScoped<CalendarService>();
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        builder.Services.AddScoped<EmailPreferencesService>();
        builder.Services.AddSingleton<EmailDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmailDelivery>());
        builder.Services.AddScoped<EmailProjection>();
        builder.Services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<EmailProjection>());
        builder.Services.AddScoped<NotificationProjection>();
        builder.Services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<NotificationProjection>());
        builder.Services.AddSingleton<IChangeFeedSubscriber, LiveInboxPusher>();
    }

    /// <summary>
    /// <c>GET /api/me/notifications</c> → {unread, items[]}; <c>POST /api/me/notifications/{id}/read</c>;
    /// <c>POST /api/me/notifications/read-all</c>.
    /// </summary>
    public static void MapNotifications(this WebApplication app)
    {
        app.MapCalendar();
        app.MapCalendarFeed();
        var email = app.MapGroup("/api/me/email-preferences").RequireMember().WithTags("Notifications");
        email.MapGet("/", async (ClaimsPrincipal user, EmailPreferencesService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.ToActor(), ct)));
        email.MapPut("/", async (EmailPreferencesRequest request, ClaimsPrincipal user, EmailPreferencesService service, CancellationToken ct) =>
                (await service.SetAsync(user.ToActor(), request, ct)).ToHttp(TypedResults.Ok))
            .Produces<EmailPreferencesDto>().JsonBodyProblems();
        var group = app.MapGroup("/api/me/notifications").RequireMember().WithTags("Notifications");
        group.MapGet("/", async (ClaimsPrincipal user, NotificationInbox service, CancellationToken ct) =>
        {
            var who = user.ToActor();
            return TypedResults.Ok(new { unread = await service.UnreadCountAsync(who, ct), items = await service.ListAsync(who, ct: ct) });
        });
        group.MapPost("/{id:long}/read", async (long id, ClaimsPrincipal user, NotificationInbox service, CancellationToken ct) =>
                (await service.MarkReadAsync(user.ToActor(), id, ct)).ToHttp(TypedResults.Ok))
            .Produces<NotificationDto>().Problems(ProblemCodes.NotFound);
        group.MapPost("/read-all", async (ClaimsPrincipal user, NotificationInbox service, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await service.MarkAllReadAsync(user.ToActor(), ct) }));
    }
}
