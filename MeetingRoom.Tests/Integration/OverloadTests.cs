using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Bookings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>The app with room for one booking request at a time and no queue.</summary>
public sealed class TinyAdmissionFactory : MeetingRoomFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Overload:BookingConcurrency", "1");
        builder.UseSetting("Overload:BookingQueue", "0");
        builder.UseSetting("Overload:RetryAfterSeconds", "3");
    }
}

/// <summary>
/// N3: an overloaded booking path turns requests away at once with 429 + Retry-After, and recovers.
/// F2: requests that can be answered definitively (slot held, limit reached, lost to a concurrent request
/// for the same slot) never are: they do not enter the admission gate.
/// </summary>
public sealed class OverloadTests(TinyAdmissionFactory app) : IClassFixture<TinyAdmissionFactory>
{
    /// <summary>Sends <paramref name="request"/> while the one place of the booking write path is taken by "another request".</summary>
    private async Task<HttpResponseMessage> WhileBookingIsFullAsync(Func<Task<HttpResponseMessage>> request)
    {
        using var held = await app.Services.GetRequiredService<BookingAdmission>().EnterAsync(default);
        Assert.NotNull(held);
        return await request();
    }

    [Fact]
    public async Task When_booking_is_full_a_request_is_answered_429_with_retry_after_and_nothing_is_booked()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Busy room");

        var response = await WhileBookingIsFullAsync(() => member.BookAsync(room, Today, "10:00"));

        var problem = await response.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(3, problem.GetProperty("retryAfterSeconds").GetInt32());
        await (await member.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_request_for_a_slot_already_held_is_answered_slot_taken_even_when_booking_is_full()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Held while full");
        await (await app.SignInNewAsync()).BookOkAsync(room, Today, "10:00");
        var late = await app.SignInNewAsync();

        var response = await WhileBookingIsFullAsync(() => late.BookAsync(room, Today, "10:00"));

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
    }

    [Fact]
    public async Task A_member_over_a_limit_is_answered_member_limit_even_when_booking_is_full()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var first = await admin.CreateRoomAsync("Limit while full A");
        var second = await admin.CreateRoomAsync("Limit while full B");
        await member.BookOkAsync(first, Today, "10:00");

        var response = await WhileBookingIsFullAsync(() => member.BookAsync(second, Today, "10:00"));

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "member-limit");
    }

    [Fact]
    public async Task Fifty_simultaneous_requests_for_one_slot_get_one_booking_and_forty_nine_slot_taken_with_room_for_one_writer_and_no_queue()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Opening burst");
        var members = new List<ApiClient>();
        for (var i = 0; i < 50; i++) members.Add(await app.SignInNewAsync());

        var answers = await Burst.RunAsync(members.Select(m => (Func<Task<HttpResponseMessage>>)(() => m.BookAsync(room, Today, "10:00"))));

        Assert.Equal(1, answers.Count(a => a.Is(HttpStatusCode.Created)));
        Assert.Equal(49, answers.Count(a => a.Is(HttpStatusCode.Conflict, "slot-taken")));
    }
}
