using System.Net;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Booking;
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

/// <summary>N3: an overloaded booking path turns requests away at once with 429 + Retry-After, and recovers.</summary>
public sealed class OverloadTests(TinyAdmissionFactory app) : IClassFixture<TinyAdmissionFactory>
{
    [Fact]
    public async Task When_booking_is_full_a_request_is_answered_429_with_retry_after_and_nothing_is_booked()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var room = await admin.CreateRoomAsync("Busy room");
        var admission = app.Services.GetRequiredService<BookingAdmission>();

        HttpResponseMessage response;
        using (var held = await admission.EnterAsync(default))
        {
            Assert.NotNull(held); // the one place is taken by "another request"
            response = await member.BookAsync(room, Today, "10:00");
        }

        var problem = await response.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(3, problem.GetProperty("retryAfterSeconds").GetInt32());
        await (await member.BookAsync(room, Today, "10:00")).ShouldBe(HttpStatusCode.Created);
    }
}
