using SocialBot.FakeNetworks;

return await FakeNetworksProgram.RunAsync(args, Console.Out, Console.Error);
