using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Features.Booking;

namespace MeetingRoom.Tests.Components;

/// <summary>My bookings' Start / End / Cancel: Start is enabled only when the domain allows it, and a disabled Start says why.</summary>
public class BookingActionsMarkupTests
{
    private static readonly MemberId Alice = new("alice");
    private static readonly MemberId Bob = new("bob");
    private static readonly DateTimeOffset StartsAt = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");

    private static BookingDto Booking(BookingState state, MemberId? bookedBy = null) => new(
        Guid.Parse("0193f3c4-0000-7000-8000-000000000001"), 1, "Harbor", new DateOnly(2026, 11, 23), "10:00", "11:50",
        StartsAt, StartsAt.AddMinutes(110), state, (bookedBy ?? Alice).Value, "Alice", StartsAt.AddHours(-1),
        state is BookingState.InMeeting or BookingState.Ended ? StartsAt : null, null, null, null);

    private static Task<AngleSharp.Dom.IDocument> Render(BookingDto booking, MemberId me, DateTimeOffset now, string? busy = null) =>
        MarkupRenderer.RenderAsync<BookingActions>(new Dictionary<string, object?>
        {
            [nameof(BookingActions.Booking)] = booking,
            [nameof(BookingActions.Me)] = me,
            [nameof(BookingActions.Now)] = now,
            [nameof(BookingActions.StartGrace)] = TimeSpan.FromMinutes(10),
            [nameof(BookingActions.Busy)] = busy,
        });

    private static void AssertDisabledWithReason(AngleSharp.Dom.IDocument doc, string reason)
    {
        var start = doc.QuerySelector("button[data-action=start]")!;
        Assert.True(start.HasAttribute("disabled"));
        Assert.Equal(reason, start.GetAttribute("title"));
        var why = doc.GetElementById(start.GetAttribute("aria-describedby")!)!;
        Assert.Equal(reason, why.TextContent.Trim());
    }

    [Fact]
    public async Task Start_is_enabled_for_the_booker_within_the_grace()
    {
        var doc = await Render(Booking(BookingState.Confirmed), Alice, StartsAt.AddMinutes(-10));

        var start = doc.QuerySelector("button[data-action=start]")!;
        Assert.False(start.HasAttribute("disabled"));
        Assert.Null(start.GetAttribute("aria-describedby"));
        Assert.Null(doc.QuerySelector("[data-testid=start-why]"));
    }

    [Fact]
    public async Task Too_early_start_is_disabled_and_says_from_when()
    {
        var doc = await Render(Booking(BookingState.Confirmed), Alice, StartsAt.AddMinutes(-11));

        AssertDisabledWithReason(doc, "You can start from 09:50.");
    }

    [Fact]
    public async Task Start_by_someone_else_is_disabled_and_says_only_the_booker()
    {
        var doc = await Render(Booking(BookingState.Confirmed, bookedBy: Alice), Bob, StartsAt);

        AssertDisabledWithReason(doc, "Only the member who booked it can start it.");
    }

    [Fact]
    public async Task Pending_booking_cannot_start_until_approved()
    {
        var doc = await Render(Booking(BookingState.PendingApproval), Alice, StartsAt);

        AssertDisabledWithReason(doc, "Waiting for an admin's approval.");
    }

    [Fact]
    public async Task Start_after_the_period_is_disabled()
    {
        var doc = await Render(Booking(BookingState.Confirmed), Alice, StartsAt.AddMinutes(110));

        AssertDisabledWithReason(doc, "The period is over.");
    }

    [Fact]
    public async Task Meeting_in_progress_offers_end_only()
    {
        var doc = await Render(Booking(BookingState.InMeeting), Alice, StartsAt.AddMinutes(5));

        Assert.NotNull(doc.QuerySelector("button[data-action=end]"));
        Assert.Null(doc.QuerySelector("button[data-action=start]"));
        Assert.Null(doc.QuerySelector("button[data-action=cancel]"));
    }

    [Fact]
    public async Task Busy_action_shows_progress_and_disables_the_others()
    {
        var doc = await Render(Booking(BookingState.Confirmed), Alice, StartsAt, busy: "cancel");

        var cancel = doc.QuerySelector("button[data-action=cancel]")!;
        Assert.Equal("true", cancel.GetAttribute("aria-busy"));
        Assert.NotNull(cancel.QuerySelector(".spinner"));
        Assert.True(doc.QuerySelector("button[data-action=start]")!.HasAttribute("disabled"));
    }
}
