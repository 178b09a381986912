using System.Diagnostics;
using System.Text.Json.Nodes;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Insights;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Bench;

/// <summary>
/// "Insights on a year of data" (issue 23): a fresh database (SQLite file with <c>--db</c>, or PostgreSQL with
/// <c>--pg</c>) gets <c>--rooms</c> rooms (default 200) and, for each of the last <c>--days</c> days (default 365) ×
/// the default timetable's 5 periods, a booking in ~82 % of the slots (≈ 300,000), inserted in bulk through the app's
/// DbContext and made by the domain's own transitions: most checked in and ended at the period end, 5 % ended early,
/// 7 % released as no-shows (half of those booked again), 3 % cancelled, 70 % with an attendee count; every tenth room
/// is contested (taken in the first 30 s, opening-demand rows with 3–12 attempts, a waitlist entry); ten rooms out of
/// service for a week. Then <see cref="InsightsQuery.GetAsync"/> in-process for the whole year and for the default
/// 30 days, <c>--runs</c> times each after a warm-up; p50/p95 in milliseconds to <c>--out</c> (JSON). Between the two,
/// the roll-up's backfill (<c>InsightsRollup.BackfillAsync</c>, what the app runs at start), timed: the seed writes
/// its rows in bulk, outside the outbox, as an upgrade from a version without the roll-up would find them.
/// </summary>
public static class Insights
{
    public static async Task<int> RunAsync(Args a)
    {
        var pg = a.Get("--pg");
        var dbPath = pg is null ? Path.GetFullPath(a.Req("--db")) : null;
        var rooms = a.Int("--rooms", 200);
        var days = a.Int("--days", 365);
        var runs = a.Int("--runs", 7);
        var outPath = a.Get("--out");
        var reuse = a.Get("--reuse") is "true" && (pg is not null || File.Exists(dbPath)); // measure again on a seeded database
        if (dbPath is not null && !reuse) foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);

        var app = MeetingRoomApp.Create(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = dbPath is null ? Path.GetTempPath() : Path.GetDirectoryName(dbPath),
            Args = pg is null
                ? [$"--ConnectionStrings:MeetingRoom=Data Source={dbPath}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:MeetingRoom.Web.Features.Insights=Debug", .. (Environment.GetEnvironmentVariable("BENCH_INSIGHTS_SQL") is "1" ? ["--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information"] : Array.Empty<string>())]
                : ["--Database:Provider=PostgreSql", $"--ConnectionStrings:MeetingRoom={pg}", "--Logging:LogLevel:Default=Warning",
                   "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=None", "--Logging:LogLevel:MeetingRoom.Web.Features.Insights=Debug"],
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(ctx, scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value, default);
        }

        var seedTime = Stopwatch.StartNew();
        var counts = reuse ? null : await SeedAsync(app.Services, rooms, days);
        seedTime.Stop();
        Json.Log($"insights: seeded {counts} in {seedTime.Elapsed.TotalSeconds:F1} s");

        // The roll-up's backfill, as the app runs it at start (the seed above wrote the rows in bulk, outside the outbox).
        var backfillTime = Stopwatch.StartNew();
        var backfilledDays = await MeetingRoom.Web.Features.Insights.Rollup.InsightsRollup.BackfillAsync(app.Services, default);
        Json.Log($"insights: roll-up backfill of {backfilledDays} days in {backfillTime.Elapsed.TotalSeconds:F1} s");

        var site = await app.Services.GetRequiredService<SiteRulesProvider>().GetAsync();
        var today = site.LocalDate(TimeProvider.System.GetUtcNow());
        var year = new InsightsFilter(today.AddDays(-days), today);
        var month = new InsightsFilter(today.AddDays(-(InsightsQuery.DefaultDays - 1)), today);
        var result = new JsonObject
        {
            ["provider"] = pg is null ? "Sqlite" : "PostgreSql",
            ["rooms"] = rooms, ["days"] = days, ["seeded"] = counts?.ToString() ?? "reused", ["seedSeconds"] = Math.Round(seedTime.Elapsed.TotalSeconds, 1),
            ["backfillDays"] = backfilledDays, ["backfillSeconds"] = Math.Round(backfillTime.Elapsed.TotalSeconds, 1),
            ["loadAverageBefore"] = LoadAverage(),
        };
        foreach (var (name, filter) in new[] { ("year", year), ("month", month), ("yearOneFloor", year with { Floor = 3 }) })
        {
            var latencies = new Latencies();
            InsightsReport? last = null;
            for (var i = 0; i <= runs; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var query = scope.ServiceProvider.GetRequiredService<InsightsQuery>();
                var t = Stopwatch.GetTimestamp();
                var report = await query.GetAsync(filter, default);
                var elapsed = Stopwatch.GetTimestamp() - t;
                if (!report.IsOk) throw new InvalidOperationException(report.Problem!.Detail);
                if (i > 0) latencies.Add(elapsed); // the first run warms up (JIT, query compilation, caches)
                last = report.Value;
            }
            var json = latencies.ToJson();
            json.Remove("histogram50ms");
            json["bookedHours"] = last!.Utilization.BookedHours;
            json["bookableHours"] = last.Utilization.BookableHours;
            json["utilization"] = last.Utilization.Rate;
            json["noShowRate"] = last.NoShowRate;
            json["releasedHours"] = last.ReleasedHours;
            json["rebookedHours"] = last.RebookedHours;
            json["openings"] = last.OpeningDemand.Openings.Count;
            result[name] = json;
            Json.Log($"insights {result["provider"]}: {name} p50 {json["p50"]} ms, p95 {json["p95"]} ms (n={json["n"]}; utilization {last.Utilization.Rate})");
        }
        result["loadAverageAfter"] = LoadAverage();
        if (outPath is not null) Json.Write(outPath, result);
        Console.WriteLine(result.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private sealed record Counts(int Rooms, int Bookings, int DemandRows, int WaitlistEntries)
    {
        public override string ToString() => $"{Rooms} rooms, {Bookings} bookings, {DemandRows} opening-demand rows, {WaitlistEntries} waitlist entries";
    }

    private static async Task<Counts> SeedAsync(IServiceProvider services, int roomCount, int days)
    {
        var rules = await services.GetRequiredService<SiteRulesProvider>().GetAsync();
        var now = TimeProvider.System.GetUtcNow();
        var today = rules.LocalDate(now);
        var random = new Random(23);
        var roomIds = new List<(int Id, int Capacity, bool Contested)>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var r = 0; r < roomCount; r++)
            {
                var room = Room.Register($"Insights {r:000}", 1 + r % 10, 4 + r % 17, [], false, now.AddYears(-2));
                room.ClearDomainEvents();
                db.Rooms.Add(room);
            }
            await db.SaveChangesAsync();
            roomIds = (await db.Rooms.OrderBy(r => r.Id).Select(r => new { r.Id, r.Capacity }).ToListAsync())
                .Select((r, i) => (r.Id, r.Capacity, i % 10 == 0)).ToList();
            for (var i = 0; i < Math.Min(10, roomIds.Count); i++)
            {
                var from = SiteClock.ToInstant(today.AddDays(-days + 20 * (i + 1)), new TimeOnly(7, 0), rules.Zone);
                db.RoomServiceIntervals.Add(new RoomServiceInterval { RoomId = roomIds[i * 7 % roomIds.Count].Id, From = from, To = from.AddDays(7) });
            }
            await db.SaveChangesAsync();
        }

        var bookable = Room.Register("template", 1, 100, [], false, now.AddYears(-2));
        var rows = new List<object>(20_000);
        int bookings = 0, demand = 0, waits = 0, member = 0;
        async Task FlushAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(rows);
            await db.SaveChangesAsync();
            rows.Clear();
        }
        MemberId Member() => new($"bench-member-{member++ % 5000}");
        for (var date = today.AddDays(-days); date < today; date = date.AddDays(1))
        {
            foreach (var (roomId, capacity, contested) in roomIds)
                foreach (var period in rules.Timetable.Periods)
                {
                    if (random.NextDouble() >= 0.82) continue;
                    var slot = rules.Timetable.SlotFor(roomId, date, period);
                    var window = new BookingWindow(rules.WindowFor(slot).OpensAt, slot.EndsAt);
                    var bookedAt = window.OpensAt.AddSeconds(contested ? random.Next(0, 30) : random.Next(0, 3600));
                    var booking = Booking.Place(bookable, slot, window, Member(), "Bench member", bookedAt).Value!;
                    var startAt = (bookedAt > slot.StartsAt ? bookedAt : slot.StartsAt).AddMinutes(1);
                    var fate = random.NextDouble();
                    if (fate < 0.03) booking.Cancel(new Actor(booking.BookedBy, false), null, bookedAt.AddMinutes(1));
                    else if (fate < 0.10)
                    {
                        var releaseAt = booking.NoShowAt(TimeSpan.FromMinutes(10));
                        booking.Release(releaseAt, TimeSpan.FromMinutes(10));
                        if (fate < 0.065 && releaseAt.AddMinutes(5) < slot.EndsAt)
                        {
                            var again = Booking.Place(bookable, slot, window, Member(), "Bench member", releaseAt.AddMinutes(5)).Value!;
                            again.Start(again.BookedBy, releaseAt.AddMinutes(6), Booking.DefaultStartGrace);
                            again.EndAtPeriodEnd(slot.EndsAt);
                            again.ClearDomainEvents();
                            rows.Add(again);
                            bookings++;
                        }
                    }
                    else
                    {
                        booking.Start(booking.BookedBy, startAt, Booking.DefaultStartGrace);
                        if (fate < 0.15 && startAt.AddMinutes(30) < slot.EndsAt) booking.End(new Actor(booking.BookedBy, false), startAt.AddMinutes(30));
                        else booking.EndAtPeriodEnd(slot.EndsAt);
                    }
                    if (random.NextDouble() < 0.7) typeof(Booking).GetProperty(nameof(Booking.Attendees))!.SetValue(booking, 1 + random.Next(capacity));
                    booking.ClearDomainEvents();
                    rows.Add(booking);
                    bookings++;
                    if (contested)
                    {
                        var attempts = random.Next(3, 13);
                        rows.Add(new OpeningDemandRow { Date = date, RoomId = roomId, PeriodStart = period.Start, Attempts = attempts, Refused = attempts - 1 });
                        demand++;
                        var entry = WaitlistEntry.Join(bookable, slot, window, booking.BookedBy, Actor.Member($"bench-waiter-{waits % 5000}"), "Waiter",
                            bookedAt.AddSeconds(5), BookingLimits.Default, []);
                        if (entry.IsOk)
                        {
                            entry.Value!.ClearDomainEvents();
                            rows.Add(entry.Value);
                            waits++;
                        }
                    }
                    if (rows.Count >= 10_000) await FlushAsync();
                }
        }
        if (rows.Count > 0) await FlushAsync();
        return new Counts(roomIds.Count, bookings, demand, waits);
    }
}
