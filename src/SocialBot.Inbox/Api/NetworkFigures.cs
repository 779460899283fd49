using Azure.Data.Tables;

namespace SocialBot.Inbox.Api;

public sealed record NetworkFigures(string Network, int Mentions, int Acknowledgements, int Handoffs, int SlaBreaches, int Negative);
