using System.Security.Claims;
using System.Text.Json;
using Bunit;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Bookings.Pages;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The Book page's optional Attendees field (issue 23): a count below 1 is refused under the field at once, a count above
/// the room's capacity × 3 when Book is pressed (nothing is booked), and a good count is booked with the booking.
/// </summary>
public sealed class BookAttendeesFieldTests : ComponentTestContext
{
    private LiveComponentApp _app = default!;
    private ApiClient _member = default!;

    public override async Task InitializeAsync()
    {
        _app = new LiveComponentApp(DefaultNow);
        _ = _app.Services; // starts the app
        _app.AddTo(Services);
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<BookingOptions>>());
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<NotificationOptions>>());
        Services.AddSingleton(_app.Services.GetRequiredService<SiteRulesProvider>());
        var admin = await _app.SignInNewAsync(admin: true);
        await admin.CreateRoomAsync("Harbor", 3, 8);
        _member = await _app.SignInNewAsync(name: "Minji Kim");
        var auth = AddAuthorization();
        auth.SetAuthorized("Minji Kim");
        auth.SetRoles(Roles.Member);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, await _app.UserIdAsync(_member)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private IRenderedComponent<Book> Page()
    {
        var page = Render<Book>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".slot[data-room=\"Harbor\"][data-start=\"10:00\"] button[data-action=book]")));
        return page;
    }

    private static string? FieldError(IRenderedComponent<Book> page) =>
        page.FindAll(".book-details .mud-input-helper-text.mud-input-error, .book-details .mud-input-error .mud-input-helper-text")
            .Select(e => e.TextContent.Trim()).FirstOrDefault(t => t.Length > 0);

    private async Task<List<JsonElement>> MineAsync() =>
        (await _member.GetJsonAsync<JsonElement>("/api/me/bookings")).EnumerateArray().ToList();

    [Fact]
    public void Fewer_than_one_attendee_is_refused_under_the_field()
    {
        var page = Page();

        page.Find("#book-attendees").Change("0");

        page.WaitForAssertion(() => Assert.Contains("at least 1", FieldError(page)));
    }

    [Fact]
    public async Task More_than_three_times_the_capacity_is_refused_under_the_field_and_books_nothing()
    {
        var page = Page();
        page.Find("#book-attendees").Change("25");

        page.Find(".slot[data-room=\"Harbor\"][data-start=\"10:00\"] button[data-action=book]").Click();

        page.WaitForAssertion(() => Assert.Contains("24", FieldError(page)));
        Assert.StartsWith("Harbor", FieldError(page));
        Assert.Empty(await MineAsync());
    }

    [Fact]
    public async Task Attendees_are_booked_with_the_booking()
    {
        var page = Page();
        page.Find("#book-attendees").Change("5");

        page.Find(".slot[data-room=\"Harbor\"][data-start=\"10:00\"] button[data-action=book]").Click();

        var mine = await MineAsync();
        for (var i = 0; i < 200 && mine.Count == 0; i++) mine = await Task.Delay(25).ContinueWith(_ => MineAsync()).Unwrap();
        Assert.Equal(5, Assert.Single(mine).GetProperty("attendees").GetInt32());
        Assert.Null(FieldError(page));
    }
}
