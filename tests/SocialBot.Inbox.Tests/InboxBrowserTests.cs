using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SocialBot.Azure.Storage;
using SocialBot.Core.Triage;
using SocialBot.Testing;
using SocialBot.Testing.Inbox;

namespace SocialBot.Inbox.Tests;

/// <summary>The inbox in real headless Chromium (Debian's), against the inbox host and Azurite.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InboxBrowserTests : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    // Wednesday 10:00 in New York: staffed under the default hours.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    private readonly AzuriteFixture _azurite;
    private readonly SystemChromium _chromium;
    private readonly FakeTimeProvider _time = new(Now);
    private InboxTestHost _host = null!;

    public InboxBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium)
    {
        _azurite = azurite;
        _chromium = chromium.Chromium;
    }

    public async Task InitializeAsync()
    {
        await _azurite.ResetAsync();
        _host = await InboxTestHost.StartAsync(_azurite.ConnectionString, _time);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Agent_ShouldClaimTheUrgentHandoffFirst_ReplyAndResolve_AndTheReplyReachesTheOutbox()
    {
        await InboxSeed.HandOffAsync(_host.Services,
        [
            InboxSeed.Ticket("x", "normal", HandoffPriority.Normal, Now.AddHours(-1), Now.AddHours(1), "Where is my order?", handle: "nora"),
            InboxSeed.Ticket("webchat", "urgent", HandoffPriority.Urgent, Now.AddMinutes(-2), Now.AddMinutes(28), "The heater in my unit is sparking!", isPublic: false, handle: "uma"),
        ]);
        await using var context = await _chromium.NewContextAsync(_host.BaseAddress);
        var page = await SignInAsync(context, "alex");

        await Assertions.Expect(page.Locator(".item").First).ToHaveAttributeAsync("data-id", "webchat/urgent");
        await Assertions.Expect(page.Locator(".item").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("urgent"));
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("#d-text")).ToHaveTextAsync("The heater in my unit is sparking!", Soon);
        await Assertions.Expect(page.Locator("#d-visibility")).ToHaveTextAsync("Private");
        await Assertions.Expect(page.Locator("#d-state")).ToHaveTextAsync("You hold it");
        await page.Locator("#reply").FillAsync("We're sending an electrician right away. Please switch off the breaker.");
        await page.Locator("#reply").PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Reply sent"), Soon);
        await page.Locator("#note").FillAsync("electrician booked");
        await page.Locator("#note").PressAsync("Escape");
        await page.Keyboard.PressAsync("e");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Resolved.", Soon);

        var handoff = await _host.Desk.ShowAsync("webchat/urgent");
        Assert.Equal(SocialBot.Core.Handoffs.HandoffStatus.Resolved, handoff.Status);
        Assert.Equal(["claimed:alex", "replied:alex", "resolved:alex"], handoff.Audit.Select(a => a.Action + ":" + a.Agent).ToArray());
        Assert.Equal("electrician booked", handoff.Audit[^1].Note);
        await _host.DeliverRepliesAsync();
        var sent = Assert.Single(await _host.Services.GetRequiredService<StorageStatus>().ListRepliesAsync());
        Assert.Equal(("urgent", "webchat", "We're sending an electrician right away. Please switch off the breaker."), (sent.MentionId, sent.Channel, sent.Text));
    }

    [Fact]
    public async Task TwoAgents_ShouldRaceForOneHandoff_ExactlyOneWins_AndTheOtherSeesItTaken()
    {
        await InboxSeed.HandOffAsync(_host.Services, [InboxSeed.Ticket("bluesky", "race", HandoffPriority.Urgent, Now.AddMinutes(-2), Now.AddMinutes(28), "Help!")]);
        await using var first = await _chromium.NewContextAsync(_host.BaseAddress);
        await using var second = await _chromium.NewContextAsync(_host.BaseAddress);
        var alex = await SignInAsync(first, "alex");
        var sam = await SignInAsync(second, "sam");
        foreach (var page in new[] { alex, sam })
        {
            await page.Locator(".item[data-id='bluesky/race']").ClickAsync();
            await Assertions.Expect(page.Locator("#claim")).ToBeEnabledAsync();
        }

        await Task.WhenAll(alex.Locator("#claim").ClickAsync(), sam.Locator("#claim").ClickAsync());

        // A click returns once it is made, not when the page's claim request has been answered: wait for the claim.
        Assert.True(
            await TestQueues.EventuallyAsync(async () => (await _host.Desk.ShowAsync("bluesky/race")).ClaimedBy is not null, TimeSpan.FromSeconds(10)),
            "neither agent's claim reached the desk");
        var holder = (await _host.Desk.ShowAsync("bluesky/race")).ClaimedBy;
        Assert.Contains(holder, new[] { "alex", "sam" });
        var (winner, loser) = holder == "alex" ? (alex, sam) : (sam, alex);
        await Assertions.Expect(winner.Locator("#d-state")).ToHaveTextAsync("You hold it", Soon);
        await Assertions.Expect(loser.Locator("#d-state")).ToHaveTextAsync($"Held by {holder}", Soon);
        await Assertions.Expect(loser.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"is claimed by {holder}"), Soon);
        await Assertions.Expect(loser.Locator(".item[data-id='bluesky/race'] .holder")).ToHaveTextAsync($"Claimed by {holder}", Soon);
        await Assertions.Expect(loser.Locator("#send")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task ClaimsByOthers_ShouldAppearWithinSeconds_WithoutReloading()
    {
        await InboxSeed.HandOffAsync(_host.Services, [InboxSeed.Ticket("x", "live", HandoffPriority.Normal, Now.AddMinutes(-2), Now.AddHours(2), "Hello")]);
        await using var context = await _chromium.NewContextAsync(_host.BaseAddress);
        var page = await SignInAsync(context, "alex");
        await Assertions.Expect(page.Locator(".item[data-id='x/live'] .holder")).ToHaveTextAsync("Open");

        await _host.Desk.ClaimAsync("x/live", "sam");

        await Assertions.Expect(page.Locator(".item[data-id='x/live'] .holder")).ToHaveTextAsync("Claimed by sam", new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task OverdueHandoff_ShouldBeHighlighted()
    {
        await InboxSeed.HandOffAsync(_host.Services,
        [
            InboxSeed.Ticket("x", "late", HandoffPriority.Normal, Now.AddHours(-5), Now.AddMinutes(-15), "Still waiting"),
            InboxSeed.Ticket("x", "fine", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(3), "Question"),
        ]);
        await using var context = await _chromium.NewContextAsync(_host.BaseAddress);
        var page = await SignInAsync(context, "alex");

        var late = page.Locator(".item[data-id='x/late']");
        var fine = page.Locator(".item[data-id='x/fine']");
        await Assertions.Expect(late).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("overdue"));
        await Assertions.Expect(late.Locator(".badge.overdue")).ToHaveTextAsync("Overdue");
        await Assertions.Expect(late.Locator(".when")).ToContainTextAsync("15m over");
        await Assertions.Expect(fine).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("overdue"));
        var background = await late.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(await fine.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"), background);
        Assert.Equal("x/late", await page.Locator(".item").First.GetAttributeAsync("data-id"));
    }

    [Fact]
    public async Task PublicReplyWithAPhoneNumber_ShouldWarnBeforeSending()
    {
        await InboxSeed.HandOffAsync(_host.Services, [InboxSeed.Ticket("x", "phone", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(3), "Can someone call me?")]);
        await using var context = await _chromium.NewContextAsync(_host.BaseAddress);
        var page = await SignInAsync(context, "alex");
        await Assertions.Expect(page.Locator(".item").First).ToHaveAttributeAsync("data-id", "x/phone");
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("#d-visibility")).ToHaveTextAsync("Public", Soon);

        await page.Locator("#reply").FillAsync("Sure, call us at 555-010-4477");

        await Assertions.Expect(page.Locator("#warning")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#warning-text")).ToContainTextAsync("phone number");
        await Assertions.Expect(page.Locator("#counter")).ToHaveTextAsync("29 / 280 (as X counts)");
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("confirm to send anyway", new() { Timeout = 10_000 });
        Assert.Empty(await TestQueues.PeekAsync(_azurite, "replies"));
        await page.Locator("#confirm").CheckAsync();
        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Reply sent"), Soon);
        Assert.Single(await TestQueues.PeekAsync(_azurite, "replies"));
    }

    [Fact]
    public async Task Dashboard_ShouldDrawItsChartsFromSeededData()
    {
        await InboxSeed.DemoWeekAsync(_host.Services, Now, mentions: 80, openHandoffs: 4);
        await using var context = await _chromium.NewContextAsync(_host.BaseAddress);
        var page = await SignInAsync(context, "lee", "Agent,Supervisor");

        await page.GotoAsync("/inbox/dashboard");

        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#k-mentions")).ToHaveTextAsync("80");
        Assert.True(await page.Locator("#chart-hours rect.bar").CountAsync() > 20);
        Assert.True(await page.Locator("#chart-hours rect.bar.after").CountAsync() > 0);
        Assert.Equal(2, await page.Locator("#chart-priority rect.bar").CountAsync());
        Assert.Equal(4, await page.Locator("#chart-sentiment rect.bar").CountAsync());
        Assert.Equal(6, await page.Locator("#t-networks tr").CountAsync());
        Assert.NotEqual("–", await page.Locator("#k-median").TextContentAsync());
    }

    [Fact]
    public async Task Pages_ShouldAnswer401WithoutAPrincipal_AndNoDashboardForTheAgentRole()
    {
        await using var context = await _chromium.NewContextAsync(_host.BaseAddress);
        var page = await context.NewPageAsync();

        var anonymous = await page.GotoAsync("/inbox");
        Assert.Equal(401, anonymous!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to the SocialBot inbox");
        await page.Locator("#agent").FillAsync("alex");
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#me")).ToHaveTextAsync("alex", Soon);
        await Assertions.Expect(page.Locator("#dashboard-link")).ToBeHiddenAsync();
        var dashboard = await page.GotoAsync("/inbox/dashboard");

        Assert.Equal(403, dashboard!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Supervisors only");
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string agent, string roles = "Agent")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/inbox/dev-signin?agent={Uri.EscapeDataString(agent)}&roles={Uri.EscapeDataString(roles)}");
        await Assertions.Expect(page.Locator("#me")).ToHaveTextAsync(agent, Soon);
        return page;
    }
}
