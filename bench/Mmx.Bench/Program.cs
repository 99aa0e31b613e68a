using Mmx.Bench;

// bench/run.sh drives these; each prints what it measured on stdout.
//   bare --port P                     the reference endpoint: constant small JSON, nothing else
//   load --api URL --key K --out DIR  the data set through /admin/import and the sign-up routes
//   kdf                               the password KDF's own cost per hash
//   memory --grains N                 working set of a silo holding N activated user grains
//   events --api URL --key K --pid P  open event streams (memory, enter-to-event latency) and a publish to many fans
//   chat --api URL --api2 URL --key K --pid P  chat sockets (memory, reads beside them), a shop room's and cross-front DM latency
return args.FirstOrDefault() switch
{
    "bare" => await BareEndpoint.Run(Options.Parse(args)),
    "load" => await DataSetLoader.Run(Options.Parse(args)),
    "kdf" => KdfCost.Run(Options.Parse(args)),
    "memory" => await GrainMemory.Run(Options.Parse(args)),
    "events" => await EventsBench.Run(Options.Parse(args)),
    "chat" => await ChatBench.Run(Options.Parse(args)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Mmx.Bench bare|load|kdf|memory|events|chat [--option value ...] (see bench/README.md)");
    return 2;
}
