using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.Storage;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;
using SocialBot.Testing;
using SocialBot.Testing.Inbox;

namespace SocialBot.Inbox.Tests;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InboxApiTests : IAsyncLifetime
{
    // Wednesday 10:00 in New York: staffed under the default hours.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite;
    private readonly FakeTimeProvider _time = new(Now);
    private InboxTestHost _host = null!;

    public InboxApiTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public async Task InitializeAsync()
    {
        await _azurite.ResetAsync();
        _host = await InboxTestHost.StartAsync(_azurite.ConnectionString, _time);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/inbox/me")]
    [InlineData("GET", "/api/inbox/handoffs")]
    [InlineData("GET", "/api/inbox/handoff?id=x/1")]
    [InlineData("POST", "/api/inbox/next")]
    [InlineData("POST", "/api/inbox/handoff/claim?id=x/1")]
    [InlineData("POST", "/api/inbox/handoff/reply?id=x/1")]
    [InlineData("POST", "/api/inbox/handoff/resolve?id=x/1")]
    [InlineData("POST", "/api/inbox/handoff/release?id=x/1")]
    [InlineData("POST", "/api/inbox/handoff/extend?id=x/1")]
    [InlineData("POST", "/api/inbox/check")]
    [InlineData("GET", "/api/inbox/dashboard")]
    public async Task Api_ShouldAnswer401WithAReason_WhenNobodyIsSignedIn(string method, string path)
    {
        using var client = _host.Client(agent: null);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("sign in", (await ErrorAsync(response)).Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DevSignIn_ShouldBeRefused_WhenTheSettingIsOff()
    {
        await using var host = await InboxTestHost.StartAsync(_azurite.ConnectionString, _time, new Dictionary<string, string?> { ["SocialBot:Inbox:DevSignIn"] = "false" });
        using var client = host.Client("alex");

        using var response = await client.GetAsync("/api/inbox/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("development sign-in is off", (await ErrorAsync(response)).Error, StringComparison.Ordinal);
        using var page = await client.GetAsync("/inbox/dev-signin?agent=alex");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task DevSignIn_ShouldBeRefused_WhenTheRequestWasForwarded()
    {
        using var client = _host.Client("alex");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.GetAsync("/api/inbox/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("loopback", (await ErrorAsync(response)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevSignIn_ShouldRefuseUnknownRolesAndBadNames()
    {
        using var badRole = _host.Client("alex", "Admin");
        using var badName = _host.Client("<script>");

        Assert.Contains("unknown role 'Admin'", (await ErrorAsync(await badRole.GetAsync("/api/inbox/me"))).Error, StringComparison.Ordinal);
        Assert.Contains("name must be", (await ErrorAsync(await badName.GetAsync("/api/inbox/me"))).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_ShouldReportTheSignedInAgentAndRoles()
    {
        using var client = _host.Client("Sam", "Agent,Supervisor");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/inbox/me");

        Assert.Equal("Sam", me.GetProperty("name").GetString());
        Assert.True(me.GetProperty("supervisor").GetBoolean());
        Assert.Equal(["SocialBot.Agent", "SocialBot.Supervisor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(2, me.GetProperty("pollSeconds").GetInt32());
    }

    [Fact]
    public async Task List_ShouldShowUrgentFirstThenEarliestDue_AndApplyEveryFilter()
    {
        await SeedAsync(
            InboxSeed.Ticket("x", "late", HandoffPriority.Normal, Now.AddHours(-1), Now.AddHours(3), "normal, due later"),
            InboxSeed.Ticket("x", "soon", HandoffPriority.Normal, Now.AddMinutes(-30), Now.AddHours(1), "normal, due sooner"),
            InboxSeed.Ticket("bluesky", "fire", HandoffPriority.Urgent, Now.AddMinutes(-5), Now.AddMinutes(25), "urgent"),
            InboxSeed.Ticket("mastodon", "past", HandoffPriority.Normal, Now.AddHours(-6), Now.AddMinutes(-10), "overdue"));
        using var client = _host.Client("alex");

        var all = await ListAsync(client, "");
        var urgent = await ListAsync(client, "?priority=urgent");
        var bluesky = await ListAsync(client, "?network=BlueSky");
        var overdue = await ListAsync(client, "?overdue=true");
        await client.PostAsync("/api/inbox/handoff/claim?id=x/soon", null);
        var claimed = await ListAsync(client, "?status=claimed");

        Assert.Equal(["mastodon/past", "bluesky/fire", "x/soon", "x/late"], all.Select(h => h.GetProperty("id").GetString()!).ToArray());
        Assert.True(all[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(["bluesky/fire"], urgent.Select(h => h.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(["bluesky/fire"], bluesky.Select(h => h.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(["mastodon/past"], overdue.Select(h => h.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(["x/soon"], claimed.Select(h => h.GetProperty("id").GetString()!).ToArray());
        Assert.True(claimed[0].GetProperty("mine").GetBoolean());
        Assert.Equal(3600, all[2].GetProperty("staffedSecondsLeft").GetInt64());
    }

    [Theory]
    [InlineData("?status=waiting", "status: 'waiting' is not one of open, claimed or resolved")]
    [InlineData("?priority=high", "priority: 'high' is not one of urgent or normal")]
    [InlineData("?overdue=maybe", "overdue: 'maybe' is not true or false")]
    [InlineData("?status=1", "status: '1' is not one of")]
    public async Task List_ShouldAnswer400_WhenAFilterIsNotUnderstood(string query, string message)
    {
        using var client = _host.Client("alex");

        using var response = await client.GetAsync("/api/inbox/handoffs" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, (await ErrorAsync(response)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ShouldGiveEverythingAnAgentNeeds()
    {
        var first = InboxSeed.Ticket("x", "1", HandoffPriority.Normal, Now.AddHours(-2), Now.AddHours(2), "Where is my parcel?", conversationId: "thread", acknowledgement: "Thanks! We're back at 9:00 AM.");
        var second = InboxSeed.Ticket("x", "2", HandoffPriority.Urgent, Now.AddMinutes(-10), Now.AddMinutes(20), "Hello?? Still nothing", conversationId: "thread");
        await SeedAsync(first, second);
        using var client = _host.Client("alex");
        await client.PostAsJsonAsync("/api/inbox/handoff/reply?id=x/1", new { text = "Looking into it now." });

        var detail = await client.GetFromJsonAsync<JsonElement>("/api/inbox/handoff?id=x/2");

        Assert.Equal("Hello?? Still nothing", detail.GetProperty("text").GetString());
        Assert.Equal("alex", detail.GetProperty("author").GetProperty("handle").GetString());
        Assert.Equal("x", detail.GetProperty("summary").GetProperty("network").GetString());
        Assert.True(detail.GetProperty("summary").GetProperty("isPublic").GetBoolean());
        Assert.Equal("negative", detail.GetProperty("sentiment").GetProperty("label").GetString());
        Assert.Equal(["refund", "still waiting"], detail.GetProperty("sentiment").GetProperty("cues").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.NotEmpty(detail.GetProperty("trace").EnumerateArray());
        Assert.NotEmpty(detail.GetProperty("reasons").EnumerateArray());
        Assert.Equal(
            ["customer:Where is my parcel?", "bot:Thanks! We're back at 9:00 AM.", "customer:Hello?? Still nothing", "agent:Looking into it now."],
            detail.GetProperty("conversation").EnumerateArray().Select(e => e.GetProperty("from").GetString() + ":" + e.GetProperty("text").GetString()!).ToArray());
        Assert.Equal(280, detail.GetProperty("reply").GetProperty("limit").GetInt32());
        Assert.Equal("twitterWeighted", detail.GetProperty("reply").GetProperty("counting").GetString());
        var ack = await client.GetFromJsonAsync<JsonElement>("/api/inbox/handoff?id=x/1");
        Assert.Equal("Thanks! We're back at 9:00 AM.", ack.GetProperty("acknowledgement").GetString());
        Assert.Equal("alex", ack.GetProperty("audit")[0].GetProperty("agent").GetString());
        Assert.Equal("replied", ack.GetProperty("audit")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Get_ShouldAnswer404ForAnUnknownId_And400WithoutOne()
    {
        using var client = _host.Client("alex");

        using var unknown = await client.GetAsync("/api/inbox/handoff?id=x/nope");
        using var missing = await client.GetAsync("/api/inbox/handoff");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("no handoff with id x/nope", (await ErrorAsync(unknown)).Error);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Next_ShouldClaimTheUrgentHandoffFirst_AndAnswer204WhenNothingWaits()
    {
        await SeedAsync(
            InboxSeed.Ticket("x", "normal", HandoffPriority.Normal, Now.AddHours(-1), Now.AddMinutes(10), "normal"),
            InboxSeed.Ticket("x", "urgent", HandoffPriority.Urgent, Now.AddMinutes(-1), Now.AddMinutes(29), "urgent"));
        using var client = _host.Client("alex");

        var first = await (await client.PostAsync("/api/inbox/next", null)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await client.PostAsync("/api/inbox/next", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var third = await client.PostAsync("/api/inbox/next", null);

        Assert.Equal("x/urgent", first.GetProperty("summary").GetProperty("id").GetString());
        Assert.Equal("alex", first.GetProperty("summary").GetProperty("claimedBy").GetString());
        Assert.Equal("x/normal", second.GetProperty("summary").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, third.StatusCode);
    }

    [Fact]
    public async Task Claim_ShouldLetExactlyOneOfTwoRacingAgentsWin()
    {
        await SeedAsync(InboxSeed.Ticket("x", "race", HandoffPriority.Urgent, Now.AddMinutes(-1), Now.AddMinutes(29), "urgent"));
        using var alex = _host.Client("alex");
        using var sam = _host.Client("sam");
        await alex.GetAsync("/api/inbox/handoffs");

        var responses = await Task.WhenAll(alex.PostAsync("/api/inbox/handoff/claim?id=x/race", null), sam.PostAsync("/api/inbox/handoff/claim?id=x/race", null));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var error = await ErrorAsync(loser);
        Assert.Equal("conflict", error.Code);
        Assert.Contains("is claimed by", error.Error, StringComparison.Ordinal);
        var stored = await _host.Desk.ShowAsync("x/race");
        Assert.Single(stored.Audit, a => a.Action == "claimed");
    }

    [Fact]
    public async Task Reply_ShouldRecordTheSignedInIdentity_AndReachTheOutboxOnce_WhenRetriedWithTheSameKey()
    {
        await SeedAsync(InboxSeed.Ticket("webchat", "7", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "help", isPublic: false));
        using var client = _host.Client("riya@contoso.example");

        using var first = await client.PostAsJsonAsync("/api/inbox/handoff/reply?id=webchat/7", new { text = "Hi! Sorted: your refund is on its way.", replyKey = "k1", agent = "someone-else" });
        using var retry = await client.PostAsJsonAsync("/api/inbox/handoff/reply?id=webchat/7", new { text = "Hi! Sorted: your refund is on its way.", replyKey = "k1" });
        await _host.DeliverRepliesAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var outbox = await _host.Services.GetRequiredService<StorageStatus>().ListRepliesAsync();
        var sent = Assert.Single(outbox);
        Assert.Equal("Hi! Sorted: your refund is on its way.", sent.Text);
        Assert.Equal("7", sent.MentionId);
        var handoff = await _host.Desk.ShowAsync("webchat/7");
        Assert.All(handoff.Audit, entry => Assert.Equal("riya@contoso.example", entry.Agent));
        Assert.Equal("riya@contoso.example", handoff.ClaimedBy);
    }

    [Fact]
    public async Task Reply_ShouldAskForConfirmation_WhenAPublicReplyContainsAPhoneNumber()
    {
        await SeedAsync(InboxSeed.Ticket("x", "p", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "call me"));
        using var client = _host.Client("alex");

        using var refused = await client.PostAsJsonAsync("/api/inbox/handoff/reply?id=x/p", new { text = "Call us on +1 (555) 010-4477" });
        using var confirmed = await client.PostAsJsonAsync("/api/inbox/handoff/reply?id=x/p", new { text = "Call us on +1 (555) 010-4477", confirmPersonalDetails = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = await ErrorAsync(refused);
        Assert.Equal("personal-details", error.Code);
        Assert.Contains("phone number", error.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task Reply_ShouldBeRefused_WhenEmptyTooLongForTheNetworkOrHeldBySomeoneElse()
    {
        await SeedAsync(InboxSeed.Ticket("x", "r", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"));
        using var alex = _host.Client("alex");
        using var sam = _host.Client("sam");

        using var empty = await alex.PostAsJsonAsync("/api/inbox/handoff/reply?id=x/r", new { text = "  " });
        using var tooLong = await alex.PostAsJsonAsync("/api/inbox/handoff/reply?id=x/r", new { text = new string('é', 141) + "漢" + new string('a', 140) });
        using var badJson = await alex.PostAsync("/api/inbox/handoff/reply?id=x/r", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        using var badKey = await alex.PostAsJsonAsync("/api/inbox/handoff/reply?id=x/r", new { text = "ok", replyKey = "../../x" });
        await alex.PostAsync("/api/inbox/handoff/claim?id=x/r", null);
        using var taken = await sam.PostAsJsonAsync("/api/inbox/handoff/reply?id=x/r", new { text = "Hello" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal("the reply is 283 characters as x counts them; the limit is 280", (await ErrorAsync(tooLong)).Error);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.StartsWith("handoff x/r is claimed by alex until", (await ErrorAsync(taken)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ShouldKeepTheNote_AndTheHandoffNeverComesBack()
    {
        await SeedAsync(InboxSeed.Ticket("x", "done", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"));
        using var alex = _host.Client("alex");
        using var sam = _host.Client("sam");

        using var resolved = await alex.PostAsJsonAsync("/api/inbox/handoff/resolve?id=x/done", new { note = "refund issued" });
        using var again = await sam.PostAsync("/api/inbox/handoff/claim?id=x/done", null);
        using var next = await sam.PostAsync("/api/inbox/next", null);
        using var longNote = await alex.PostAsJsonAsync("/api/inbox/handoff/resolve?id=x/done", new { note = new string('n', 1001) });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", body.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("refund issued", body.GetProperty("audit")[0].GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("handoff x/done is already resolved by alex; nothing more can be done with it", (await ErrorAsync(again)).Error);
        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
    }

    [Fact]
    public async Task Release_ShouldBeForTheHolder_OrASupervisor()
    {
        await SeedAsync(InboxSeed.Ticket("x", "rel", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"));
        using var alex = _host.Client("alex");
        using var sam = _host.Client("sam");
        using var lead = _host.Client("lee", "Supervisor");

        using var notHeld = await alex.PostAsync("/api/inbox/handoff/release?id=x/rel", null);
        await alex.PostAsync("/api/inbox/handoff/claim?id=x/rel", null);
        using var byOther = await sam.PostAsync("/api/inbox/handoff/release?id=x/rel", null);
        using var bySupervisor = await lead.PostAsync("/api/inbox/handoff/release?id=x/rel", null);

        Assert.Equal(HttpStatusCode.Conflict, notHeld.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        var handoff = await _host.Desk.ShowAsync("x/rel");
        Assert.Equal(HandoffStatus.Open, handoff.Status);
        Assert.Equal(("lee", "released"), (handoff.Audit[^1].Agent, handoff.Audit[^1].Action));
    }

    [Fact]
    public async Task Extend_ShouldRenewTheHoldersLease()
    {
        await SeedAsync(InboxSeed.Ticket("x", "ext", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"));
        using var alex = _host.Client("alex");
        await alex.PostAsync("/api/inbox/handoff/claim?id=x/ext", null);
        _time.Advance(TimeSpan.FromMinutes(10));

        using var extended = await alex.PostAsync("/api/inbox/handoff/extend?id=x/ext", null);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var body = await extended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Now.AddMinutes(25), body.GetProperty("summary").GetProperty("claimedUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task Posts_ShouldBeRefused_WithoutTheAntiForgeryHeader()
    {
        await SeedAsync(InboxSeed.Ticket("x", "csrf", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"));
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-SocialBot-Dev-Agent", "alex");

        using var response = await client.PostAsync("/api/inbox/handoff/claim?id=x/csrf", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HandoffStatus.Open, (await _host.Desk.ShowAsync("x/csrf")).Status);
    }

    [Fact]
    public async Task Check_ShouldCountAsTheNetworkCounts_AndFindPersonalDetails()
    {
        await SeedAsync(
            InboxSeed.Ticket("x", "c", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"),
            InboxSeed.Ticket("bluesky", "c", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"));
        using var client = _host.Client("alex");
        const string Text = "Sorry! 👍 See https://example.com/a/very/long/path/that/is/long or mail help@contoso.example";

        var x = await (await client.PostAsJsonAsync("/api/inbox/check", new { id = "x/c", text = Text })).Content.ReadFromJsonAsync<JsonElement>();
        var bluesky = await (await client.PostAsJsonAsync("/api/inbox/check", new { id = "bluesky/c", text = Text })).Content.ReadFromJsonAsync<JsonElement>();
        using var missing = await client.PostAsJsonAsync("/api/inbox/check", new { text = Text });

        Assert.Equal(SocialBot.Core.Channels.TextLength.TwitterWeighted(Text), x.GetProperty("length").GetInt32());
        Assert.Equal(14 + 23 + 29, x.GetProperty("length").GetInt32());
        Assert.Equal(SocialBot.Core.Channels.TextLength.Graphemes(Text), bluesky.GetProperty("length").GetInt32());
        Assert.Equal(300, bluesky.GetProperty("limit").GetInt32());
        Assert.Equal(["email address"], x.GetProperty("personalDetails").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.True(x.GetProperty("needsConfirmation").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ShouldBeForSupervisors_AndComputeTheWeekFromTheStores()
    {
        var mention = InboxSeed.Ticket("x", "m1", HandoffPriority.Urgent, Now.AddHours(-3), Now.AddHours(-2).AddMinutes(-30), "late").Mention;
        await InboxSeed.RecordMentionAsync(_host.Services, mention, staffed: true, acknowledged: false, SentimentLabel.Negative, HandoffPriority.Urgent);
        await InboxSeed.RecordMentionAsync(_host.Services, mention with { Id = "m2", ConversationId = "c2", ReceivedAt = Now.AddHours(-20) }, staffed: false, acknowledged: true, SentimentLabel.Neutral, null);
        await InboxSeed.RecordMentionAsync(_host.Services, mention with { Id = "old", ConversationId = "c3", ReceivedAt = Now.AddDays(-9) }, staffed: true, acknowledged: false, SentimentLabel.Positive, null);
        await SeedAsync(
            InboxSeed.Ticket("x", "m1", HandoffPriority.Urgent, Now.AddHours(-3), Now.AddHours(-2).AddMinutes(-30), "late"),
            InboxSeed.Ticket("bluesky", "b1", HandoffPriority.Normal, Now.AddHours(-1), Now.AddHours(3), "fine"));
        await _host.Desk.ReplyAsync("bluesky/b1", "sam", "on it");
        using var agent = _host.Client("alex");
        using var supervisor = _host.Client("lee", "Agent,Supervisor");

        using var refused = await agent.GetAsync("/api/inbox/dashboard");
        var figures = await supervisor.GetFromJsonAsync<JsonElement>("/api/inbox/dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, figures.GetProperty("mentions").GetInt32());
        Assert.Equal(1, figures.GetProperty("acknowledgements").GetInt32());
        Assert.Equal(168, figures.GetProperty("hours").GetArrayLength());
        Assert.Equal(1, figures.GetProperty("hours").EnumerateArray().Sum(h => h.GetProperty("afterHours").GetInt32()));
        Assert.Equal(1, figures.GetProperty("handoffsByPriority").GetProperty("urgent").GetInt32());
        Assert.Equal(1, figures.GetProperty("firstResponse").GetProperty("count").GetInt32());
        Assert.Equal(3600, figures.GetProperty("firstResponse").GetProperty("medianSeconds").GetInt64());
        Assert.Equal(1, figures.GetProperty("slaBreaches").GetInt32());
        Assert.Equal(1, figures.GetProperty("sentiment").GetProperty("negative").GetInt32());
        Assert.Equal(["x", "bluesky"], figures.GetProperty("networks").EnumerateArray().Select(n => n.GetProperty("network").GetString()!).ToArray());
    }

    [Fact]
    public async Task Pages_ShouldServeSignInForNobody_403DashboardForAgents_AndAssetsWithAStrictPolicy()
    {
        using var nobody = _host.Client(agent: null);
        using var agent = _host.Client("alex");
        using var supervisor = _host.Client("lee", "Supervisor");

        using var signIn = await nobody.GetAsync("/inbox");
        using var inbox = await agent.GetAsync("/inbox");
        using var agentDashboard = await agent.GetAsync("/inbox/dashboard");
        using var dashboard = await supervisor.GetAsync("/inbox/dashboard");
        using var script = await nobody.GetAsync("/inbox/assets/inbox.js");
        using var unknown = await nobody.GetAsync("/inbox/assets/secrets.json");

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("dev-signin", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Contains("<title>SocialBot inbox</title>", await inbox.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, agentDashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", string.Join(";", script.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DevSignInPage_ShouldSetACookieThatSignsTheApiIn()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = _host.BaseAddress };

        using var signIn = await client.GetAsync("/inbox/dev-signin?agent=Sam%20Lee&roles=Agent,Supervisor");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/inbox/me");
        using var signOut = await client.GetAsync("/inbox/signout");
        using var after = await client.GetAsync("/api/inbox/me");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/inbox", signIn.Headers.Location?.ToString());
        Assert.Contains("httponly", string.Join(";", signIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Sam Lee", me.GetProperty("name").GetString());
        Assert.True(me.GetProperty("supervisor").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task CliAndApi_ShouldShareOneDesk_SoAClaimMadeByTheCliBlocksTheApi()
    {
        await SeedAsync(InboxSeed.Ticket("x", "shared", HandoffPriority.Normal, Now.AddMinutes(-5), Now.AddHours(4), "hi"));
        await _host.Desk.NextAsync("cli-agent");
        using var client = _host.Client("alex");

        using var response = await client.PostAsync("/api/inbox/handoff/claim?id=x/shared", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("claimed by cli-agent", (await ErrorAsync(response)).Error, StringComparison.Ordinal);
    }

    private async Task SeedAsync(params SocialBot.Core.Processing.HandoffTicket[] tickets) => await InboxSeed.HandOffAsync(_host.Services, tickets);

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/inbox/handoffs" + query))!;

    private static async Task<(string Error, string Code)> ErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("error").GetString()!, body.GetProperty("code").GetString()!);
    }
}
