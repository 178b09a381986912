using System.Net;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Rooms;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>Optimistic concurrency: two changes racing on one booking or one room cannot both win.</summary>
public sealed class RaceTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    [Fact]
    public async Task Two_transitions_racing_on_one_booking_cannot_both_be_saved()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Race booking"), Today, "10:00");
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var asLoadedByStart = await db1.Bookings.SingleAsync(b => b.Id == id);
        var asLoadedByCancel = await db2.Bookings.SingleAsync(b => b.Id == id);

        Assert.True(asLoadedByStart.Start(asLoadedByStart.BookedBy, app.Clock.GetUtcNow(), Booking.DefaultStartGrace).IsOk);
        Assert.True(asLoadedByCancel.Cancel(Actor.Admin("admin"), "race", app.Clock.GetUtcNow()).IsOk);
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    [Fact]
    public async Task A_booking_checked_against_a_room_that_went_out_of_service_meanwhile_is_not_saved()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var room = await admin.CreateRoomAsync("Race room");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stale = await db.Rooms.SingleAsync(r => r.Id == room); // what a booking request read a moment ago

        await (await admin.PostAsync($"/api/rooms/{room}/out-of-service", new { reason = "Flood" })).ShouldBe(HttpStatusCode.OK);
        db.Entry(stale).Property(r => r.Version).IsModified = true; // as BookingService does when it inserts

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_date_outside_the_supported_years_is_400_not_500()
    {
        var member = await app.SignInNewAsync();
        await (await member.BookAsync(1, "0001-01-01", "08:00")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        await (await member.GetAsync("/api/schedule?date=0001-01-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
    }

    [Fact]
    public async Task An_empty_equipment_line_is_400_not_500()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var response = await admin.Http.PostAsync("/api/rooms",
            new StringContent("""{"name":"Nulls","floor":1,"capacity":2,"equipment":[null]}""", System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("equipment", out _));
    }

    [Fact]
    public async Task A_pending_booking_whose_period_is_over_leaves_the_approvals_list()
    {
        var admin = await app.SignInNewAsync(admin: true);
        var member = await app.SignInNewAsync();
        var id = await member.BookOkAsync(await admin.CreateRoomAsync("Stale approval", requiresApproval: true), Today, "10:00");
        Assert.Contains(await admin.GetJsonAsync<List<BookingDto>>("/api/admin/approvals"), b => b.Id == id);

        app.Clock.Set(DateTimeOffset.Parse("2026-11-23T11:50:00+09:00"));
        try
        {
            Assert.DoesNotContain(await admin.GetJsonAsync<List<BookingDto>>("/api/admin/approvals"), b => b.Id == id);
        }
        finally
        {
            app.Clock.Set(DefaultNow);
        }
    }
}
