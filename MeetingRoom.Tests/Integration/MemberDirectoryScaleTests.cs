using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Administration;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Integration;

/// <summary>An app with 10,000 members inserted in bulk (one per class, shared by its tests).</summary>
public sealed class TenThousandMembers : IAsyncLifetime
{
    public const int Count = 10_000;
    public MeetingRoomFactory App { get; } = new();
    public ApiClient Admin { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Admin = await App.SignInNewAsync(admin: true, name: "Aaron Admin");
        // "Member 00001" … "Member 10000"; every 1,000th is also a "Needle", with a mail domain of its own.
        await MemberSeeder.SeedAsync(App.Services, Enumerable.Range(1, Count).Select(i => i % 1000 == 0
            ? new SeedMember($"m{i:00000}@haystack-needle.example", $"Member {i:00000} Needle")
            : new SeedMember($"m{i:00000}@scale.example", $"Member {i:00000}")).ToList());
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The member list with 10,000 members (P1: "pages and searches server-side"): a page is 25 rows of the right part of
/// the order, the total counts all of them, a search finds the few among them, and a page costs the same few
/// database commands whatever its size (never one per row). Speed is measured by the benchmark, not asserted here.
/// </summary>
public sealed class MemberDirectoryScaleTests(TenThousandMembers members) : IClassFixture<TenThousandMembers>
{
    private ApiClient Admin => members.Admin;

    [Fact]
    public async Task The_first_page_holds_25_members_and_the_total_counts_all_of_them()
    {
        var page = await Admin.GetJsonAsync<JsonElement>("/api/admin/members");

        Assert.Equal(TenThousandMembers.Count + 1, page.GetProperty("total").GetInt32());
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(25, names.Count);
        Assert.Equal("Aaron Admin", names[0]);
        Assert.Equal("Member 00001", names[1]);
        Assert.Equal("Member 00024", names[24]);
    }

    [Fact]
    public async Task A_page_deep_in_the_list_is_the_right_slice()
    {
        var page = await Admin.GetJsonAsync<JsonElement>("/api/admin/members?page=100&pageSize=100&role=Member");

        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(TenThousandMembers.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(100, names.Count);
        Assert.StartsWith("Member 09901", names[0]);
        Assert.StartsWith("Member 10000", names[^1]);
    }

    [Theory]
    [InlineData("needle")]
    [InlineData("HAYSTACK-NEEDLE")]
    public async Task A_search_finds_the_ten_among_ten_thousand(string search)
    {
        var page = await Admin.GetJsonAsync<JsonElement>($"/api/admin/members?search={search}&pageSize=100");

        Assert.Equal(10, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.EndsWith("Needle", i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_page_costs_the_same_few_commands_whatever_its_size()
    {
        await CommandsOfAsync(d => d.ListAsync(new MemberFilter(), 1, 10)); // warm: the site rules are read once and kept

        var small = await CommandsOfAsync(d => d.ListAsync(new MemberFilter(), 3, 10));
        var large = await CommandsOfAsync(d => d.ListAsync(new MemberFilter(), 3, 100));
        var search = await CommandsOfAsync(d => d.ListAsync(new MemberFilter("member 0"), 2, 100));

        Assert.Equal(3, small); // count, page, upcoming bookings of the page
        Assert.Equal(small, large);
        Assert.Equal(small, search);
    }

    [Fact]
    public async Task Export_lists_all_ten_thousand()
    {
        var response = await Admin.GetAsync("/api/admin/members/export?role=Member");

        await response.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(TenThousandMembers.Count + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>How many database commands <paramref name="work"/> runs (counted on this async flow only).</summary>
    private async Task<int> CommandsOfAsync(Func<MemberDirectory, Task> work)
    {
        using var counter = new CommandCounter();
        await using var scope = members.App.Services.CreateAsyncScope();
        await counter.CountAsync(() => work(scope.ServiceProvider.GetRequiredService<MemberDirectory>()));
        return counter.Count;
    }

    /// <summary>Counts EF Core's executed commands on the flow that runs <see cref="CountAsync"/> (other tests and background services are not counted).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<CommandCounter?> Current = new();
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Count => _count;

        public async Task CountAsync(Func<Task> work)
        {
            Current.Value = this;
            try { await work(); }
            finally { Current.Value = null; }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData { Command: DbCommand } && Current.Value == this)
                Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }
}
