using System.Text.Json;

namespace SocialBot.Cli.Tests;

public sealed class AnswersCommandTests : IDisposable
{
    private const string SaturdayNight = "2026-11-28T21:00:00-05:00";
    private const string RainAnswer = "Yes, we're open rain or shine! The market stall is covered, so come as you are.";

    private readonly CliRunner _cli = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("socialbot-answers-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Preview_ShouldAcknowledgeWithTheConfiguredAnswerAndBackAt_ForTheRainSampleAfterHours()
    {
        var result = await _cli.RunAsync("preview", "--mention", Path.Combine(CliRunner.Samples, "mentions", "rain-question.json"), "--at", SaturdayNight);

        Assert.Equal(0, result.ExitCode);
        var reply = result.Json.GetProperty("reply");
        var text = reply.GetProperty("text").GetString()!;
        Assert.Contains(RainAnswer, text, StringComparison.Ordinal);
        Assert.Contains("back Monday at 9:00 AM", text, StringComparison.Ordinal);
        Assert.Contains("help@contoso.example", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(RainAnswer, StringComparison.Ordinal) < text.IndexOf("back Monday", StringComparison.Ordinal));
        Assert.Equal("rain", reply.GetProperty("answerId").GetString());
        Assert.InRange(reply.GetProperty("answerScore").GetDouble(), 0.62, 1);
        Assert.Contains(result.Json.GetProperty("trace").EnumerateArray(), line => line.GetString()!.StartsWith("quick answer rain (lexical): best rain", StringComparison.Ordinal));
        Assert.Contains("answered automatically: check", result.Json.GetProperty("handoff").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Preview_ShouldWriteNullAnswerId_WhenTheReplyHasNoAnswer()
    {
        var result = await _cli.RunAsync("preview", "--mention", Path.Combine(CliRunner.Samples, "mentions", "refund-complaint.json"), "--at", SaturdayNight);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("reply").GetProperty("answerId").ValueKind);
    }

    [Fact]
    public async Task AnswersTest_ShouldRankEntriesAndShowTheReply()
    {
        var result = await _cli.RunAsync("answers", "test", "are you open if it rains tomorrow?", "--at", SaturdayNight);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("lexical", json.GetProperty("matcher").GetString());
        Assert.Equal("rain", json.GetProperty("entries")[0].GetProperty("entryId").GetString());
        Assert.True(json.GetProperty("entries")[0].GetProperty("score").GetDouble() > json.GetProperty("entries")[1].GetProperty("score").GetDouble());
        Assert.Equal("rain", json.GetProperty("answerId").GetString());
        Assert.Contains(RainAnswer, json.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.True(json.GetProperty("replyIncludesAnswer").GetBoolean());
    }

    [Fact]
    public async Task AnswersTest_ShouldSayWhyNot_WhenUnsure()
    {
        var result = await _cli.RunAsync("answers", "test", "is the rain going to ruin my delivery?", "--at", SaturdayNight, "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no quick answer (lexical)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(RainAnswer, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersTest_ShouldExitTwo_WhenTheChannelIsUnknown()
    {
        var result = await _cli.RunAsync("answers", "test", "are you open?", "--channel", "carrier-pigeon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--channel", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalAnswers_ShouldMeetTheTargets_OnTheDevelopmentSet()
    {
        var result = await _cli.RunAsync("eval", "answers", "--data", Path.Combine(CliRunner.Samples, "answers-dev.tsv"), "--at", "2026-11-23T21:00:00-05:00");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal(96, json.GetProperty("n").GetInt32());
        Assert.True(json.GetProperty("precision").GetDouble() >= 0.95, result.Output);
        Assert.True(json.GetProperty("recall").GetDouble() >= 0.7, result.Output);
        Assert.True(json.GetProperty("wronglyAnsweredRate").GetDouble() <= 0.05, result.Output);
    }

    [Fact]
    public async Task EvalAnswers_ShouldCountPrecisionRecallAndWronglyAnswered()
    {
        var data = Write("small.tsv", "answerId\ttext\nrain\tare you open rain or shine?\nshipping\tdo you sell socks?\n\tdo you ship to canada?\n\tmy order is late\n");

        var result = await _cli.RunAsync("eval", "answers", "--data", data, "--at", SaturdayNight);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal(2, json.GetProperty("answered").GetInt32());
        Assert.Equal(0.5, json.GetProperty("precision").GetDouble());
        Assert.Equal(0.5, json.GetProperty("recall").GetDouble());
        Assert.Equal(0.5, json.GetProperty("wronglyAnsweredRate").GetDouble());
        Assert.Equal(3, json.GetProperty("mistakes")[0].GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("answerId\ttext\nparking\twhere can I park?\n", "line 2: 'parking' is not an entry")]
    [InlineData("answerId\ttext\nrain\n", "line 2: expected answerId<TAB>text")]
    [InlineData("answerId\ttext\nrain\t \n", "line 2: the text is empty")]
    public async Task EvalAnswers_ShouldExitTwoNamingTheLine_WhenTheDataIsBad(string content, string expected)
    {
        var result = await _cli.RunAsync("eval", "answers", "--data", Write("bad.tsv", content));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
