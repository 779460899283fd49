using Azure;
using Azure.Data.Tables;
using SocialBot.Azure.Storage;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Hours;
using SocialBot.Core.Triage;

namespace SocialBot.Inbox.Api;

public sealed record NetworkFigures(string Network, int Mentions, int Acknowledgements, int Handoffs, int SlaBreaches, int Negative);
