namespace SocialBot.Core.Sentiment;

/// <summary>
/// The small closed word classes the customer-care cues are built from. They are grammatical roles (a unit of time,
/// a thing a customer owns, a verb of arrival), not phrases taken from any data set, so that a cue such as
/// "never + arrival verb" recognises "never arrived", "never received" and "never showed up" alike.
/// </summary>
internal static class CareVocabulary
{
    public static readonly (CareWord Role, string[] Words)[] Classes =
    [
        (CareWord.Still, ["still"]),
        (CareWord.WaitVerb, ["waiting", "waited", "waitin"]),
        (CareWord.Wait, ["wait"]),
        (CareWord.WaitLead, ["been", "keep", "kept", "keeps", "sat", "sitting", "stood", "standing", "forever"]),
        (CareWord.NoWord, ["no", "zero"]),
        (CareWord.ResponseNoun,
        [
            "update", "updates", "response", "responses", "reply", "replies", "answer", "answers", "callback",
            "word", "news", "info", "information", "email", "confirmation", "contact", "follow-up", "followup", "help",
            "explanation", "communication",
        ]),
        (CareWord.Hold, ["hold"]),
        (CareWord.On, ["on"]),
        (CareWord.Since, ["since"]),
        (CareWord.TimeUnit,
        [
            "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "day", "days", "week", "weeks", "month",
            "months",
        ]),
        (CareWord.PointInTime,
        [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
            "thu", "thur", "thurs", "fri", "sat", "sun", "yesterday", "morning", "noon", "midnight", "last", "this",
            "early", "lunch", "lunchtime", "breakfast", "am", "pm",
        ]),
        (CareWord.Count,
        [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "several",
            "many", "multiple", "few", "couple", "hours", "days", "weeks",
        ]),
        (CareWord.FailureEvent,
        [
            "cancelled", "canceled", "delayed", "delay", "delays",
            "stranded", "stuck", "overcharged", "overbooked", "refund", "refunds", "broken", "diverted", "rerouted",
            "outage", "crashed", "crashing", "malfunction", "malfunctioning", "damaged",
        ]),
        (CareWord.Belonging,
        [
            "bag", "bags", "luggage", "baggage", "suitcase", "suitcases", "package", "packages", "parcel", "order",
            "orders", "delivery", "item", "items", "shipment", "stroller", "seat", "seats", "ticket", "tickets",
            "booking", "reservation", "money", "card", "account", "phone", "flight", "refund", "voucher", "points",
            "miles", "claim",
        ]),
        (CareWord.LossVerb, ["lost", "losing", "misplaced", "missing", "damaged", "broke"]),
        (CareWord.Denial,
        [
            "never", "not", "didn't", "didnt", "hasn't", "hasnt", "haven't", "havent", "hadn't", "doesn't", "doesnt",
            "don't", "dont", "isn't", "isnt", "wasn't", "wasnt", "won't", "wont", "aren't", "arent", "weren't",
            "stopped", "nobody", "noone",
        ]),
        (CareWord.Arrival,
        [
            "arrived", "arrive", "arrives", "received", "receive", "came", "come", "showed", "delivered", "shipped",
            "answered", "answer", "responded", "respond", "replied", "reply", "called", "call", "processed",
            "refunded", "credited", "returned", "fixed", "resolved", "helped", "help", "show",
        ]),
        (CareWord.Working, ["work", "works", "working", "worked", "function", "functioning", "load", "loading", "connect"]),
        (CareWord.Missed, ["missed", "miss", "missing"]),
        (CareWord.Journey, ["connection", "connecting", "flight", "flights", "appointment", "train", "bus", "delivery", "meeting"]),
        (CareWord.Unable, ["can't", "cant", "cannot", "couldn't", "couldnt", "unable", "won't", "wont"]),
        (CareWord.Reach,
        [
            "reach", "log", "login", "access", "connect", "check", "book", "change", "contact", "through", "speak",
            "talk", "rebook", "use", "track", "print", "select", "pay",
        ]),
        (CareWord.Heard, ["heard", "hear", "heared"]),
        (CareWord.Yet, ["yet"]),
        (CareWord.To, ["to"]),
        (CareWord.Nobody, ["nobody", "noone"]),
        (CareWord.One, ["one"]),
        (CareWord.Owner, ["my", "our", "me", "we", "i", "us", "i'm", "im", "mine", "i've", "ive", "we're"]),
        (CareWord.Where, ["where", "where's", "wheres", "where're"]),
        (CareWord.Aux, ["where's", "wheres", "where're"]),
        (CareWord.Be, ["is", "are", "isn't", "aren't"]),
        (CareWord.HeardFollow, ["back", "from", "anything", "nothing", "a"]),
        (CareWord.Why, ["why", "why's", "whys"]),
        (CareWord.When, ["when", "when's", "whens"]),
        (CareWord.How, ["how"]),
        (CareWord.What, ["what", "what's", "whats"]),
        (CareWord.Aux,
        [
            "is", "are", "was", "were", "do", "does", "did", "has", "have", "can", "will", "would", "should", "could",
            "isn't", "aren't", "can't", "won't", "doesn't", "didn't", "haven't", "hasn't",
        ]),
        (CareWord.Future, ["will", "can", "would", "could"]),
        (CareWord.Anyone, ["anyone", "anybody", "someone", "somebody"]),
        (CareWord.There, ["there", "home", "listening", "answering", "working", "awake", "available", "out"]),
        (CareWord.Long, ["long", "longer"]),
        (CareWord.Going, ["going"]),
        (CareWord.Happened, ["happened", "happening"]),
        (CareWord.Charged, ["charged", "billed", "charging", "charge"]),
        (CareWord.Twice, ["twice", "double", "again", "two", "extra"]),
        (CareWord.Praise,
        [
            "thanks", "thank", "thx", "great", "awesome", "love", "loving", "loved", "nice", "wonderful", "fantastic",
            "perfect", "brilliant", "amazing", "lovely", "appreciate", "superb", "excellent", "good", "fun", "best",
            "glad", "happy", "impressive", "cool", "yay", "congrats",
        ]),
        (CareWord.Plea, ["please", "pls", "plz", "help", "kindly"]),
        (CareWord.Filler, ["even", "yet", "ever", "been", "really", "actually", "still", "the", "a", "up", "in", "any", "longer", "get", "got", "gotten", "me", "my", "our", "us"]),
        (CareWord.Nothing, ["nothing"]),
        (CareWord.Late, ["late"]),
        (CareWord.LateLead, ["running", "very", "always", "again", "arrived", "arriving", "departed", "departing", "leaving"]),
        (CareWord.For, ["for", "over", "almost", "nearly", "about", "like"]),
    ];
}
