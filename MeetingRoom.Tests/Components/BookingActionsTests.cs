using AngleSharp.Dom;
using Bunit;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Tests.Support;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Components.Shared;
using MudBlazor;
using MeetingRoom.Web.Features.Bookings;

namespace MeetingRoom.Tests.Components;

/// <summary>My bookings' Start / End / Cancel: Start is enabled only when the domain allows it, and a disabled Start says why.</summary>
public sealed class BookingActionsTests : ComponentTestContext
{
    private static readonly MemberId Alice = new("alice");
    private static readonly MemberId Bob = new("bob");
    private static readonly DateTimeOffset StartsAt = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");

    private static BookingDto Booking(BookingState state, MemberId? bookedBy = null) => new(
        Guid.Parse("0193f3c4-0000-7000-8000-000000000001"), 1, "Harbor", new DateOnly(2026, 11, 23), "10:00", "11:50",
        StartsAt, StartsAt.AddMinutes(110), state, (bookedBy ?? Alice).Value, "Alice", StartsAt.AddHours(-1),
        state is BookingState.InMeeting or BookingState.Ended ? StartsAt : null, null, null, null);

    private IRenderedComponent<BookingActions> Show(BookingDto booking, MemberId me, DateTimeOffset now, string? busy = null) =>
        Render<BookingActions>(ps => ps.Add(c => c.Booking, booking).Add(c => c.Me, me).Add(c => c.Now, now)
            .Add(c => c.StartGrace, TimeSpan.FromMinutes(10)).Add(c => c.Busy, busy));

    private static void AssertDisabledWithReason(IRenderedComponent<BookingActions> cut, string reason)
    {
        var start = cut.Find("button[data-action=start]");
        Assert.True(start.HasAttribute("disabled"));
        Assert.Equal(reason, start.GetAttribute("title"));
        var why = cut.Find("#" + start.GetAttribute("aria-describedby"));
        Assert.Equal(reason, why.TextContent.Trim());
    }

    [Fact]
    public void Start_is_enabled_for_the_booker_within_the_grace()
    {
        var cut = Show(Booking(BookingState.Confirmed), Alice, StartsAt.AddMinutes(-10));

        var start = cut.Find("button[data-action=start]");
        Assert.False(start.HasAttribute("disabled"));
        Assert.Null(start.GetAttribute("aria-describedby"));
        Assert.Empty(cut.FindAll("[data-testid=start-why]"));
    }

    [Fact]
    public void Too_early_start_is_disabled_and_says_from_when()
    {
        var cut = Show(Booking(BookingState.Confirmed), Alice, StartsAt.AddMinutes(-11));

        AssertDisabledWithReason(cut, "You can start from 09:50.");
    }

    [Fact]
    public void Start_by_someone_else_is_disabled_and_says_only_the_booker()
    {
        var cut = Show(Booking(BookingState.Confirmed, bookedBy: Alice), Bob, StartsAt);

        AssertDisabledWithReason(cut, "Only the member who booked it can start it.");
    }

    [Fact]
    public void Pending_booking_cannot_start_until_approved()
    {
        var cut = Show(Booking(BookingState.PendingApproval), Alice, StartsAt);

        AssertDisabledWithReason(cut, "Waiting for an admin's approval.");
    }

    [Fact]
    public void Start_after_the_period_is_disabled()
    {
        var cut = Show(Booking(BookingState.Confirmed), Alice, StartsAt.AddMinutes(110));

        AssertDisabledWithReason(cut, "The period is over.");
    }

    [Fact]
    public void Meeting_in_progress_offers_end_only()
    {
        var cut = Show(Booking(BookingState.InMeeting), Alice, StartsAt.AddMinutes(5));

        Assert.Single(cut.FindAll("button[data-action=end]"));
        Assert.Empty(cut.FindAll("button[data-action=start]"));
        Assert.Empty(cut.FindAll("button[data-action=cancel]"));
    }

    [Fact]
    public void Busy_action_shows_progress_and_disables_the_others()
    {
        var cut = Show(Booking(BookingState.Confirmed), Alice, StartsAt, busy: "cancel");

        var cancel = cut.Find("button[data-action=cancel]");
        Assert.Equal("true", cancel.GetAttribute("aria-busy"));
        Assert.NotNull(cancel.QuerySelector(".mud-progress-circular"));
        Assert.True(cut.Find("button[data-action=start]").HasAttribute("disabled"));
    }
}
