using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>
/// The write model: Identity, rooms, bookings, site settings and the outbox. Provider-specific
/// subclasses (<see cref="SqliteAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>, <see cref="SqlServerAppDbContext"/>) each own
/// their migrations. Saving also writes every raised domain event to the outbox, in the same
/// transaction as the change.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Booking> Bookings => Set<Booking>();
    /// <summary>Standing reservations made by admins (issue 22); their occurrences are rows of <see cref="Bookings"/>.</summary>
    public DbSet<Domain.Series.BookingSeries> Series => Set<Domain.Series.BookingSeries>();
    public DbSet<Features.Insights.OpeningDemandRow> OpeningDemand => Set<Features.Insights.OpeningDemandRow>();
    public DbSet<Features.Insights.RoomServiceInterval> RoomServiceIntervals => Set<Features.Insights.RoomServiceInterval>();
    public DbSet<Features.Insights.Rollup.InsightsSlotRollup> InsightsSlots => Set<Features.Insights.Rollup.InsightsSlotRollup>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxCursor> OutboxCursors => Set<OutboxCursor>();
    /// <summary>The schedule read model (one row per slot that ever had a booking).</summary>
    public DbSet<ScheduleSlotRow> ScheduleSlots => Set<ScheduleSlotRow>();
    public DbSet<Notification> Notifications => Set<Notification>();
    /// <summary>Members' places in the line for slots held by others (F3).</summary>
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    /// <summary>Members' calendar feed and email choices.</summary>
    public DbSet<MemberPreferences> MemberPreferences => Set<MemberPreferences>();
    /// <summary>Emails written by the "email" outbox handler, pending or sent.</summary>
    public DbSet<Features.Notifications.Email.EmailMessage> EmailMessages => Set<Features.Notifications.Email.EmailMessage>();
    /// <summary>Displays at room doors (D1), reached by a secret token whose hash is stored.</summary>
    public DbSet<DoorDisplay> DoorDisplays => Set<DoorDisplay>();
    /// <summary>Members' personal API tokens (hashes only).</summary>
    public DbSet<Features.Members.ApiToken> ApiTokens => Set<Features.Members.ApiToken>();

    private bool _outboxWritten;

    /// <summary>
    /// True once after outbox rows were added to this context (read by the outbox signal after the save or the
    /// transaction commits; a rolled-back transaction clears it).
    /// </summary>
    public bool TakeOutboxWritten => Interlocked.Exchange(ref _outboxWritten, false);

    /// <summary>SQL predicate of the unique filtered index "one active booking per slot" (B1), from <see cref="BookingStates.Active"/>.</summary>
    protected abstract string ActiveBookingFilter(string stateColumn);

    /// <summary>A column name quoted for the provider.</summary>
    protected abstract string Quote(string column);

    /// <summary>A string literal for the provider.</summary>
    protected abstract string Literal(string value);

    /// <summary>
    /// Filter of a per-member limit index: active bookings that take a place of that limit. With the places
    /// 1..N of a limit of N, such an index lets no member hold more than N (F1), whatever races.
    /// </summary>
    private string ClaimFilter(string claimColumn) => $"{ActiveBookingFilter("State")} AND {Quote(claimColumn)} IS NOT NULL";

    /// <param name="literalPrefix">"" for SQLite and PostgreSQL, "N" for SQL Server's Unicode literals.</param>
    protected static string ActiveStatesList(string literalPrefix = "") =>
        string.Join(", ", BookingStates.Active.Select(s => $"{literalPrefix}'{s}'"));

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        var memberId = new ValueConverter<MemberId, string>(m => m.Value, s => new MemberId(s));

        b.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(256);
            u.Property(x => x.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Domain.Members.MemberStatus.Active).HasSentinel((Domain.Members.MemberStatus)(-1));
            u.HasIndex(x => x.Status);
            u.HasIndex(x => x.DisplayName);
        });

        b.Entity<Features.Members.ApiToken>(t =>
        {
            t.ToTable("ApiTokens");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.Property(x => x.MemberId).HasMaxLength(450);
            t.Property(x => x.Name).HasMaxLength(Features.Members.ApiToken.MaxNameLength);
            t.Property(x => x.TokenHash).HasMaxLength(Features.Members.ApiToken.HashLength).IsRequired();
            t.HasIndex(x => x.TokenHash).IsUnique();
            t.HasIndex(x => x.MemberId);
            t.HasOne<AppUser>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Room>(room =>
        {
            room.Property(r => r.Name).HasMaxLength(Room.MaxNameLength).IsRequired();
            room.HasIndex(r => r.Name).IsUnique().HasFilter(NotDeletedFilter("DeletedAt"));
            room.Property(r => r.OutOfServiceReason).HasMaxLength(500);
            room.Property(r => r.Version).IsConcurrencyToken();
            room.Ignore(r => r.IsDeleted);
            room.Ignore(r => r.IsBookable);
            room.OwnsMany(r => r.Equipment, eq =>
            {
                eq.ToTable("RoomEquipment");
                eq.WithOwner().HasForeignKey("RoomId");
                eq.Property<int>("Id");
                eq.HasKey("Id");
                eq.Property(e => e.Name).HasMaxLength(100);
                eq.Property(e => e.Quantity);
            });
            room.Navigation(r => r.Equipment).UsePropertyAccessMode(PropertyAccessMode.Field);
            room.Ignore(r => r.DomainEvents);
        });

        b.Entity<Features.Insights.OpeningDemandRow>(d =>
        {
            d.ToTable("OpeningDemand");
            d.HasKey(x => new { x.Date, x.RoomId, x.PeriodStart });
        });
        b.Entity<Features.Insights.RoomServiceInterval>(i =>
        {
            i.ToTable("RoomServiceIntervals");
            i.HasKey(x => x.Id);
            i.HasIndex(x => new { x.RoomId, x.From });
        });
        b.Entity<Features.Insights.Rollup.InsightsSlotRollup>(r =>
        {
            r.ToTable("InsightsSlots"); // the insights roll-up (issue 23): one row per slot of a whole past day
            r.HasKey(x => new { x.Day, x.RoomId, x.PeriodSecond });
            r.Ignore(x => x.Date);
            r.Ignore(x => x.PeriodStart);
        });
        b.Entity<Booking>(booking =>
        {
            booking.HasKey(x => x.Id);
            booking.Property(x => x.Id).ValueGeneratedNever();
            booking.Property(x => x.BookedBy).HasConversion(memberId).HasMaxLength(450);
            booking.Property(x => x.ClosedBy).HasConversion(memberId).HasMaxLength(450);
            booking.Property(x => x.BookedByName).HasMaxLength(256);
            // Optimistic concurrency: two transitions racing on one booking cannot both win.
            booking.Property(x => x.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            booking.Property(x => x.CancelCause).HasConversion<string>().HasMaxLength(20);
            booking.Property(x => x.Reason).HasMaxLength(500);
            booking.Property(x => x.Title).HasMaxLength(Domain.Series.BookingSeries.MaxTitleLength);
            booking.HasOne<Domain.Series.BookingSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
            booking.HasIndex(x => new { x.SeriesId, x.Date });
            booking.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
            booking.HasIndex(x => new { x.RoomId, x.Date, x.PeriodStart })
                .IsUnique()
                .HasFilter(ActiveBookingFilter("State"))
                .HasDatabaseName("UX_Bookings_OneActivePerSlot");
            // Booking limits per member (F1): each limit place (ordinal 1..N) is held by at most one active booking.
            booking.HasIndex(x => new { x.BookedBy, x.Date, x.PeriodStart, x.PeriodClaim })
                .IsUnique().HasFilter(ClaimFilter(nameof(Booking.PeriodClaim))).HasDatabaseName("UX_Bookings_MemberPeriodClaim");
            booking.HasIndex(x => new { x.BookedBy, x.Date, x.DayClaim })
                .IsUnique().HasFilter(ClaimFilter(nameof(Booking.DayClaim))).HasDatabaseName("UX_Bookings_MemberDayClaim");
            booking.HasIndex(x => new { x.BookedBy, x.UpcomingClaim })
                .IsUnique().HasFilter(ClaimFilter(nameof(Booking.UpcomingClaim))).HasDatabaseName("UX_Bookings_MemberUpcomingClaim");
            booking.HasIndex(x => new { x.BookedBy, x.StartsAt });
            booking.HasIndex(x => new { x.Date, x.RoomId });
            // Insights (issue 23): every column the report reads, so its scans of a year of bookings read this index only.
            booking.HasIndex(x => new { x.Date, x.RoomId, x.PeriodStart, x.PeriodEnd, x.State, x.StartsAt, x.EndsAt, x.BookedAt, x.EndedAt, x.StartedAt, x.Attendees })
                .HasDatabaseName("IX_Bookings_Insights");
            booking.Ignore(x => x.Slot);
            booking.Ignore(x => x.DomainEvents);
        });

        b.Entity<Domain.Series.BookingSeries>(series =>
        {
            series.ToTable("Series");
            series.HasKey(x => x.Id);
            series.Property(x => x.Id).ValueGeneratedNever();
            series.Property(x => x.Title).HasMaxLength(Domain.Series.BookingSeries.MaxTitleLength);
            series.Property(x => x.BookedBy).HasConversion(memberId).HasMaxLength(450);
            series.Property(x => x.CreatedBy).HasConversion(memberId).HasMaxLength(450);
            series.Property(x => x.BookedByName).HasMaxLength(256);
            series.Property(x => x.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            // The rule is one value: stored as its JSON (frequency, interval, count | until, weekdays, month day, set position).
            series.Property(x => x.Rule).HasConversion(
                    rule => System.Text.Json.JsonSerializer.Serialize(rule, (System.Text.Json.JsonSerializerOptions?)null),
                    json => System.Text.Json.JsonSerializer.Deserialize<Domain.Series.SeriesRule>(json, (System.Text.Json.JsonSerializerOptions?)null)!,
                    new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Domain.Series.SeriesRule>(
                        (a, c) => System.Text.Json.JsonSerializer.Serialize(a, (System.Text.Json.JsonSerializerOptions?)null) ==
                                  System.Text.Json.JsonSerializer.Serialize(c, (System.Text.Json.JsonSerializerOptions?)null),
                        r => System.Text.Json.JsonSerializer.Serialize(r, (System.Text.Json.JsonSerializerOptions?)null).GetHashCode(),
                        r => r))
                .HasMaxLength(500);
            series.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
            series.HasIndex(x => new { x.State, x.RoomId });
            series.HasIndex(x => x.BookedBy);
            series.Ignore(x => x.Period);
            series.Ignore(x => x.DomainEvents);
        });

        b.Entity<SiteSettings>(s =>
        {
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.TimeZoneId).HasMaxLength(100);
            s.Property(x => x.WindowMode).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.DefaultLanguage).HasMaxLength(Localization.SiteCultures.NameMaxLength).HasDefaultValue(Localization.SiteCultures.Neutral);
            s.Property(x => x.Version).IsConcurrencyToken();
            // Existing sites get the default strikes; the sentinel lets an admin's 0 ("never") be written as it is.
            s.Property(x => x.SeriesNoShowStrikes).HasDefaultValue(Persistence.SiteSettings.DefaultSeriesNoShowStrikes).HasSentinel(-1);
        });

        b.Entity<WaitlistEntry>(w =>
        {
            w.ToTable("WaitlistEntries");
            w.HasKey(x => x.Id);
            w.Property(x => x.Id).ValueGeneratedOnAdd();
            w.Property(x => x.Member).HasConversion(memberId).HasMaxLength(450);
            w.Property(x => x.MemberName).HasMaxLength(256);
            w.Property(x => x.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            w.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
            // One place in line per member and slot (F3): the database decides, like one booking per slot.
            w.HasIndex(x => new { x.Member, x.RoomId, x.Date, x.PeriodStart })
                .IsUnique().HasFilter($"{Quote(nameof(WaitlistEntry.State))} = {Literal(nameof(WaitlistState.Waiting))}")
                .HasDatabaseName("UX_Waitlist_OnePlacePerMemberAndSlot");
            w.HasIndex(x => new { x.RoomId, x.Date, x.PeriodStart, x.State });
            w.HasIndex(x => new { x.Member, x.EndsAt });
            w.Ignore(x => x.Slot);
            w.Ignore(x => x.Actor);
            w.Ignore(x => x.DomainEvents);
        });

        b.Entity<DoorDisplay>(d =>
        {
            d.ToTable("DoorDisplays");
            d.Ignore(x => x.DomainEvents);
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedOnAdd();
            d.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
            d.HasIndex(x => x.TokenHash).IsUnique();
            d.HasIndex(x => x.RoomId);
            d.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
            d.Ignore(x => x.IsActive);
        });

        b.Entity<OutboxMessage>(o =>
        {
            o.ToTable("Outbox");
            o.Property(x => x.Type).HasMaxLength(100);
            o.Property(x => x.TraceParent).HasMaxLength(OutboxTracing.TraceParentMaxLength);
            o.Property(x => x.TraceState).HasMaxLength(OutboxTracing.TraceStateMaxLength);
            o.Ignore(x => x.Event);
        });

        b.Entity<OutboxCursor>(c =>
        {
            c.HasKey(x => x.Handler);
            c.Property(x => x.Handler).HasMaxLength(100);
            c.Property(x => x.LastError).HasMaxLength(1000);
        });

        b.Entity<Notification>(n =>
        {
            n.Property(x => x.MemberId).HasMaxLength(450);
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            n.Property(x => x.Title).HasMaxLength(200);
            n.Property(x => x.Body).HasMaxLength(1000);
            n.HasIndex(x => new { x.MemberId, x.BookingId, x.Kind }).IsUnique();
            n.HasIndex(x => new { x.MemberId, x.ReadAt });
            n.HasIndex(x => x.CreatedAt);
        });

        b.Entity<MemberPreferences>(p =>
        {
            p.HasKey(x => x.MemberId);
            p.Property(x => x.MemberId).HasMaxLength(450);
            p.Property(x => x.CalendarFeedTokenHash).HasMaxLength(Features.Notifications.MemberPreferences.TokenHashLength);
            p.Property(x => x.CalendarFeedTokenProtected).HasMaxLength(1000);
            p.Property(x => x.Language).HasMaxLength(Localization.SiteCultures.NameMaxLength);
            p.HasIndex(x => x.CalendarFeedTokenHash).IsUnique();
        });

        b.Entity<Features.Notifications.Email.EmailMessage>(m =>
        {
            m.ToTable("EmailMessages");
            m.Property(x => x.MemberId).HasMaxLength(450);
            m.Property(x => x.To).HasMaxLength(256);
            m.Property(x => x.MessageId).HasMaxLength(200);
            m.Property(x => x.Subject).HasMaxLength(300);
            m.Property(x => x.LastError).HasMaxLength(1000);
            // One email per event and member, whatever is redelivered: the handler's insert and its cursor commit together.
            m.HasIndex(x => new { x.OutboxId, x.MemberId }).IsUnique();
            m.HasIndex(x => new { x.SentAt, x.Id });
        });

        b.Entity<ScheduleSlotRow>(r =>
        {
            r.ToTable("ScheduleSlots");
            r.HasKey(x => new { x.Date, x.RoomId, x.PeriodStart });
            r.Property(x => x.ActiveState).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.BookedByName).HasMaxLength(256);
            r.Property(x => x.Title).HasMaxLength(Domain.Series.BookingSeries.MaxTitleLength);
        });
    }

    protected abstract string NotDeletedFilter(string deletedAtColumn);

    /// <summary>
    /// Saves the changes and, in the same transaction, an outbox row per domain event raised (the transactional
    /// outbox). The rows go first and the outbox rows second: a unique index that refuses the change (a second
    /// active booking of a slot, a limit place) does so before an outbox id is drawn, so on PostgreSQL and SQL
    /// Server, whose sequences hand out ids before commit, a refused booking leaves no gap for the dispatcher
    /// to wait out. Domain events stay on their aggregates until the save succeeds.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var gate = WriteGate();
        gate?.Wait();
        try
        {
            var raisers = AggregatesWithEvents();
            if (raisers.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
            using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            MoveDomainEventsToOutbox(raisers);
            saved += base.SaveChanges(acceptAllChangesOnSuccess);
            own?.Commit();
            return saved;
        }
        finally { gate?.Release(); }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var gate = WriteGate();
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            var raisers = AggregatesWithEvents();
            if (raisers.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            MoveDomainEventsToOutbox(raisers);
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally { gate?.Release(); }
    }

    /// <summary>
    /// The write gate to hold around a write transaction of this context (SQLite only; see
    /// <see cref="SqliteWriteGate"/>), or null. Inside an explicit transaction the caller holds it.
    /// </summary>
    public SemaphoreSlim? WriteGate() =>
        this is SqliteAppDbContext && Database.CurrentTransaction is null
            ? SqliteWriteGate.For(Database.GetConnectionString()!)
            : null;

    /// <summary>
    /// Writes an event that no aggregate raises (a read mark, a reminder) to the outbox with the next save, so it
    /// takes the same path to every instance as the domain's events.
    /// </summary>
    public void AddToOutbox(IDomainEvent applicationEvent)
    {
        Outbox.Add(DomainEventSerializer.ToOutbox(applicationEvent));
        _outboxWritten = true;
    }

    private List<AggregateRoot> AggregatesWithEvents() =>
        ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();

    /// <summary>Adds an outbox row per raised event (saved next, in the same transaction).</summary>
    private void MoveDomainEventsToOutbox(List<AggregateRoot> aggregates)
    {
        foreach (var aggregate in aggregates)
        {
            Outbox.AddRange(aggregate.DomainEvents.Select(DomainEventSerializer.ToOutbox));
            aggregate.ClearDomainEvents();
        }
        _outboxWritten = true;
    }

}
