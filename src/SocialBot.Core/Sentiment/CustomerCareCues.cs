namespace SocialBot.Core.Sentiment;

/// <summary>
/// Negative cues of customer-care traffic that a word lexicon cannot see. A complaint to a brand is often written
/// in neutral words ("3 hours on the tarmac and still no update", "where is my refund"): the negative part is the
/// situation, not the vocabulary. Each rule is a short pattern over word roles (<see cref="CareWord"/>), so it
/// generalises to wording it was never shown; a match adds one negative item to the VADER sum and a cue to the trace.
/// </summary>
internal static class CustomerCareCues
{
    /// <summary>Waiting without news ("still waiting", "no update", "on hold", "since 9am", "yet to").</summary>
    public const double WaitingValence = -1.8;

    /// <summary>A bare duration ("3 hours", "for days"): negative in care traffic, but weaker on its own.</summary>
    public const double DurationValence = -1.2;

    /// <summary>A service failure ("cancelled", "lost my bag", "never arrived", "charged twice", "not working").</summary>
    public const double FailureValence = -2.0;

    /// <summary>A warning to others or a return ("don't buy", "never fly … again", "sending it back", "money back").</summary>
    public const double WarningValence = -2.0;

    /// <summary>A frustrated question about something missing ("where is my…", "why is…", "how long…").</summary>
    public const double QuestionValence = -1.6;

    private const string Waiting = CareCueFamilies.Waiting;
    private const string Failure = CareCueFamilies.Failure;
    private const string Question = CareCueFamilies.Question;
    private const string Warning = CareCueFamilies.Warning;
    private const string Sarcasm = CareCueFamilies.Sarcasm;

    /// <summary>Trace prefix of a care cue that was not counted because the sentence thanks for a fix.</summary>
    private const string Resolved = "resolved";

    /// <summary>
    /// Finds the cues in <paramref name="tokens"/>, appends one valence per cue to <paramref name="items"/> after the
    /// token items, adjusts sarcastic praise in place, and returns the new item count. Cues obey the contrastive
    /// "but" (index <paramref name="but"/>, -1 when none) like words do.
    /// </summary>
    public static int Apply(string text, ReadOnlySpan<Token> tokens, Span<double> items, int but, List<string> cues)
    {
        var count = tokens.Length;
        var thankedForFix = CareContext.ThankedForFix(text, tokens);
        var situational = 0UL;
        var lastSituational = -1;
        var i = 0;
        while (i < tokens.Length)
        {
            var (family, valence, end) = Match(text, tokens, i);
            if (family is null)
            {
                i++;
                continue;
            }

            // "thanks for rebooking me after the cancellation": the failure is what was put right, not a complaint.
            if ((thankedForFix & (1UL << tokens[i].Sentence)) != 0 && !ReferenceEquals(family, Question))
            {
                cues.Add(Describe(Resolved, text, tokens[i], tokens[end]));
                i = end + 1;
                continue;
            }

            if (ReferenceEquals(family, Failure) || ReferenceEquals(family, Warning) || valence == WaitingValence)
            {
                situational |= 1UL << tokens[i].Sentence;
                lastSituational = i;
            }

            items[count++] = valence * EmbeddedSentimentAnalyzer.ButWeight(i, but);
            cues.Add(Describe(family, text, tokens[i], tokens[end]));
            i = end + 1;
        }

        for (var j = 0; j + 2 < tokens.Length; j++)
        {
            // "thanks for nothing" is sarcastic whatever else the text says.
            if (tokens[j].Is(CareWord.Praise) && tokens[j + 1].Is(CareWord.For) && tokens[j + 2].Is(CareWord.Nothing) && items[j] > 0)
            {
                items[j] = -items[j];
                cues.Add(Describe(Sarcasm, text, tokens[j], tokens[j + 2]));
            }
        }

        if (situational != 0)
        {
            // Praise on the other side of a contrastive "but" is meant, not sarcastic: "delayed, but the crew were
            // great" and "the crew were great, but we sat 3 hours" both keep their "great".
            var (from, to) = but < 0 ? (0, tokens.Length) : lastSituational < but ? (0, but) : (but + 1, tokens.Length);
            FlipPraise(text, tokens, from, to, items, cues, situational);
        }

        return count;
    }

    /// <summary>
    /// Praise in the same sentence as a service failure or a wait is sarcasm ("great job, 3 hours on the tarmac", "thanks for the delay"): its
    /// positive valence is turned negative. Pleas ("please help") are neutralised: in a complaint they are not praise.
    /// </summary>
    private static void FlipPraise(string text, ReadOnlySpan<Token> tokens, int from, int to, Span<double> items, List<string> cues, ulong sentences)
    {
        for (var j = from; j < to; j++)
        {
            if (items[j] <= 0 || (sentences & (1UL << tokens[j].Sentence)) == 0)
            {
                continue;
            }

            if (tokens[j].Is(CareWord.Praise))
            {
                items[j] = -items[j];
                cues.Add(Describe(Sarcasm, text, tokens[j], tokens[Math.Min(j + 1, tokens.Length - 1)]));
            }
            else if (tokens[j].Is(CareWord.Plea))
            {
                items[j] = 0;
            }
        }
    }

    private static (string? Family, double Valence, int End) Match(string text, ReadOnlySpan<Token> t, int i)
    {
        var end = MatchWaiting(t, i);
        if (end >= 0)
        {
            return (Waiting, WaitingValence, end);
        }

        end = MatchDuration(t, i);
        if (end >= 0)
        {
            return (Waiting, DurationValence, end);
        }

        end = CareContext.IsRefundEnquiry(text, t, i) ? -1 : MatchFailure(t, i);
        if (end >= 0)
        {
            return (Failure, FailureValence, end);
        }

        end = MatchWarning(t, i);
        if (end >= 0)
        {
            return (Warning, WarningValence, end);
        }

        end = MatchQuestion(t, i);
        return end >= 0 ? (Question, QuestionValence, end) : (null, 0, -1);
    }

    /// <summary>
    /// Waiting and silence: the customer has been left without news. "still" + a negative or waiting word, a waiting
    /// verb that is not the eager "can't wait", "no" + a response noun, "on hold", "since" + a point in time,
    /// "haven't heard back", "yet to".
    /// </summary>
    private static int MatchWaiting(ReadOnlySpan<Token> t, int i)
    {
        const CareWord WaitedFor = CareWord.Owner | CareWord.Belonging | CareWord.ResponseNoun | CareWord.Number | CareWord.Count
            | CareWord.TimeUnit | CareWord.Hold | CareWord.PointInTime;
        var token = t[i];
        const CareWord AfterStill = CareWord.WaitVerb | CareWord.WaitLead | CareWord.Wait | CareWord.NoWord | CareWord.Denial | CareWord.Nobody
            | CareWord.FailureEvent | CareWord.Hold | CareWord.On | CareWord.Unable | CareWord.Nothing;
        if (token.Is(CareWord.Still) && Has(t, i + 1, AfterStill))
        {
            return i + 1;
        }

        if (token.Is(CareWord.WaitVerb)
            && (Has(t, i - 1, CareWord.WaitLead) || (Has(t, i + 1, CareWord.For | CareWord.Since | CareWord.On) && AnyWithin(t, i + 2, 3, WaitedFor))))
        {
            return i;
        }

        if (token.Is(CareWord.NoWord) && Has(t, i + 1, CareWord.ResponseNoun))
        {
            return i + 1;
        }

        if (token.Is(CareWord.On) && Has(t, i + 1, CareWord.Hold))
        {
            return i + 1;
        }

        if (token.Is(CareWord.Since) && Has(t, i + 1, CareWord.PointInTime | CareWord.Number | CareWord.Count))
        {
            return i + 1;
        }

        if (token.Is(CareWord.Heard) && Has(t, i + 1, CareWord.HeardFollow)
            && (Has(t, i - 1, CareWord.Denial) || (Has(t, i - 1, CareWord.Filler) && Has(t, i - 2, CareWord.Denial))))
        {
            return i + 1;
        }

        if (token.Is(CareWord.Yet) && Has(t, i + 1, CareWord.To))
        {
            return i + 1;
        }

        return -1;
    }

    /// <summary>
    /// A span of time the customer has lost: a number or count + a unit ("3 hours", "3hrs", "several days"), "for
    /// hours", "over an hour", "all day".
    /// </summary>
    private static int MatchDuration(ReadOnlySpan<Token> t, int i)
    {
        var token = t[i];
        if (token.Is(CareWord.Number) && token.Is(CareWord.TimeUnit))
        {
            return i;
        }

        if (token.Is(CareWord.Number | CareWord.Count) && Has(t, i + 1, CareWord.TimeUnit))
        {
            return i + 1;
        }

        if (token.Is(CareWord.For) && Has(t, i + 1, CareWord.TimeUnit) && Has(t, i + 1, CareWord.Count))
        {
            return i + 1;
        }

        if (token.Is(CareWord.For) && Has(t, i + 1, CareWord.Article) && Has(t, i + 2, CareWord.TimeUnit))
        {
            return i + 2;
        }

        return token.Is(CareWord.All) && Has(t, i + 1, CareWord.TimeUnit | CareWord.PointInTime) ? i + 1 : -1;
    }

    /// <summary>
    /// Service failures: an event word ("cancelled", "delayed", "stranded", "refund") unless it is denied within
    /// three words like a VADER negation ("not delayed", "shouldn't be an issue"; a refund stays a complaint either
    /// way), a lost belonging, a denied arrival ("never arrived", "hasn't been delivered", "no one answers"), a double
    /// charge, something not working or down ("no wifi", "website down", "hung up on me"), a missed connection,
    /// being unable to reach or do something, a verdict ("what a joke"), or running late.
    /// </summary>
    private static int MatchFailure(ReadOnlySpan<Token> t, int i)
    {
        var token = t[i];
        if (token.Is(CareWord.FailureEvent)
            && (token.Is(CareWord.Belonging) || !(IsDenied(t, i - 1) || IsDenied(t, i - 2) || IsDenied(t, i - 3))))
        {
            return i;
        }

        if (token.Is(CareWord.LossVerb))
        {
            var belonging = Next(t, i, CareWord.Belonging);
            if (belonging >= 0)
            {
                return belonging;
            }
        }

        if (token.Is(CareWord.Belonging) && Has(t, i + 1, CareWord.Aux | CareWord.Filler) && Has(t, i + 2, CareWord.LossVerb))
        {
            return i + 2;
        }

        if (token.Is(CareWord.Denial) || (token.Is(CareWord.NoWord) && Has(t, i + 1, CareWord.One)))
        {
            var arrival = Next(t, token.Is(CareWord.Denial) ? i : i + 1, CareWord.Arrival);
            if (arrival >= 0)
            {
                return arrival;
            }
        }

        if (token.Is(CareWord.Charged) && (Has(t, i + 1, CareWord.Twice) || Has(t, i - 1, CareWord.Twice)))
        {
            return Has(t, i + 1, CareWord.Twice) ? i + 1 : i;
        }

        if (token.Is(CareWord.Denial | CareWord.Unable | CareWord.NoWord))
        {
            var working = Next(t, i, CareWord.Working);
            if (working >= 0)
            {
                return working;
            }
        }

        if (token.Is(CareWord.Missed))
        {
            var journey = Next(t, i, CareWord.Journey);
            if (journey >= 0)
            {
                return journey;
            }
        }

        if (token.Is(CareWord.Unable))
        {
            var reach = Next(t, i, CareWord.Reach);
            if (reach >= 0)
            {
                return reach;
            }
        }

        if (token.Is(CareWord.Denial) && Has(t, i + 1, CareWord.Make) && Has(t, i + 2, CareWord.It))
        {
            return i + 2;
        }

        if (token.Is(CareWord.Hung) && Has(t, i + 1, CareWord.Up))
        {
            return i + 1;
        }

        if (token.Is(CareWord.NoWord) && Has(t, i + 1, CareWord.Device))
        {
            return i + 1;
        }

        if (token.Is(CareWord.Device) && (Has(t, i + 1, CareWord.Down) || (Has(t, i + 1, CareWord.Aux) && Has(t, i + 2, CareWord.Down))))
        {
            return Has(t, i + 1, CareWord.Down) ? i + 1 : i + 2;
        }

        // "what a joke", "this is a farce": a verdict on the service, although "joke" alone reads as fun.
        if (token.Is(CareWord.Joke) && (Has(t, i - 1, CareWord.Be | CareWord.What) || (Has(t, i - 1, CareWord.Article) && Has(t, i - 2, CareWord.Be | CareWord.What))))
        {
            return i;
        }

        if (token.Is(CareWord.Late) && Has(t, i + 1, CareWord.Journey))
        {
            return i + 1;
        }

        return token.Is(CareWord.Late) && Has(t, i - 1, CareWord.LateLead | CareWord.Number | CareWord.TimeUnit) ? i : -1;
    }

    /// <summary>
    /// Warnings and returns: a customer who tells others not to buy, book or bother, or who sends the thing back and
    /// wants the money back, is unhappy even when every word is neutral ("don't waste your money" even reads positive
    /// to VADER, whose negation turns "waste" around).
    /// </summary>
    private static int MatchWarning(ReadOnlySpan<Token> t, int i)
    {
        var token = t[i];
        if (token.Is(CareWord.Denial) && Has(t, i + 1, CareWord.Warn))
        {
            return i + 1;
        }

        if (token.Is(CareWord.ReturnVerb) && (Has(t, i + 1, CareWord.Back) || (Has(t, i + 1, CareWord.It) && Has(t, i + 2, CareWord.Back))))
        {
            return Has(t, i + 1, CareWord.Back) ? i + 1 : i + 2;
        }

        return token.Is(CareWord.Belonging) && Has(t, i + 1, CareWord.Back) && Has(t, i - 1, CareWord.Owner) ? i + 1 : -1;
    }

    /// <summary>
    /// Frustrated questions at the brand about something missing: "where is my…", "why is/can't/didn't…", "how
    /// long…", "when will my/I…", "what is going on", "what happened", "is anyone there". Plain information questions
    /// ("where is the gate?") do not match: they need an owner word or an interrogative that implies a grievance.
    /// </summary>
    private static int MatchQuestion(ReadOnlySpan<Token> t, int i)
    {
        var token = t[i];
        if (token.Is(CareWord.Where))
        {
            if (token.Is(CareWord.Aux) && Has(t, i + 1, CareWord.Owner))
            {
                return i + 1;
            }

            if (Has(t, i + 1, CareWord.Aux) && !Has(t, i + 1, CareWord.Future) && Has(t, i + 2, CareWord.Owner))
            {
                return i + 2;
            }
        }

        if (token.Is(CareWord.Why) && Has(t, i + 1, CareWord.Aux))
        {
            return i + 1;
        }

        // "how long do I have to wait" is a grievance, "how long is the flight" is not.
        if (token.Is(CareWord.How) && Has(t, i + 1, CareWord.Long) && !Has(t, i + 2, CareWord.Be))
        {
            return i + 1;
        }

        if (token.Is(CareWord.How) && Has(t, i + 1, CareWord.Filler | CareWord.For) && Has(t, i + 2, CareWord.Long))
        {
            return i + 2;
        }

        if (token.Is(CareWord.When) && Has(t, i + 1, CareWord.Future) && (Has(t, i + 2, CareWord.Owner) || Has(t, i + 3, CareWord.Owner)))
        {
            return i + 1;
        }

        if (token.Is(CareWord.What))
        {
            if (Has(t, i + 1, CareWord.Happened) || (Has(t, i + 1, CareWord.Aux) && Has(t, i + 2, CareWord.Happened)))
            {
                return Has(t, i + 1, CareWord.Happened) ? i + 1 : i + 2;
            }

            if ((Has(t, i + 1, CareWord.Going) && Has(t, i + 2, CareWord.On)) || (Has(t, i + 2, CareWord.Going) && Has(t, i + 3, CareWord.On)))
            {
                return Has(t, i + 1, CareWord.Going) ? i + 2 : i + 3;
            }
        }

        if (token.Is(CareWord.Anyone)
            && (Has(t, i - 1, CareWord.Be) || (Has(t, i - 1, CareWord.There) && Has(t, i - 2, CareWord.Be)) || Has(t, i + 1, CareWord.There)))
        {
            return Has(t, i + 1, CareWord.There) ? i + 1 : i;
        }

        return -1;
    }

    /// <summary>The next token with <paramref name="role"/> right after <paramref name="i"/>, allowing two filler words between.</summary>
    private static int Next(ReadOnlySpan<Token> t, int i, CareWord role)
    {
        for (var j = i + 1; j <= i + 3 && j < t.Length; j++)
        {
            if (t[j].Is(role))
            {
                return j;
            }

            if (!t[j].Is(CareWord.Filler))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool AnyWithin(ReadOnlySpan<Token> t, int from, int count, CareWord role)
    {
        for (var j = from; j < from + count && j < t.Length; j++)
        {
            if (t[j].Is(role))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(ReadOnlySpan<Token> t, int i, CareWord role) => i >= 0 && i < t.Length && t[i].Is(role);

    private static bool IsDenied(ReadOnlySpan<Token> t, int i) =>
        i >= 0 && i < t.Length && (t[i].IsNegation || t[i].Is(CareWord.NoWord | CareWord.Denial));

    private static string Describe(string family, string text, Token first, Token last)
    {
        var phrase = text.AsSpan(first.Start, last.Start + last.Length - first.Start);
        return string.Concat(family, ": \"", phrase, "\"").ToLowerInvariant();
    }
}
