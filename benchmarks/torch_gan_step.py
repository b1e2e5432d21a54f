#!/usr/bin/python3
"""PyTorch CPU peer of ganiqa's TF Java training steps (dev.ganiqa.harness.bench.TrainStepBenchmark).

Same architecture as dev.ganiqa.trainers.Backbone at 28x28x1 (z 100, ngf = ndf = 64, label embedding 50):
  G: [z ; onehot @ E] -> linear (no bias) -> 7x7x128 -> BN -> ReLU -> convT 4x4/2 -> 14x14x64 -> BN -> ReLU
     -> convT 4x4/2 (+bias) -> 28x28x1 -> tanh
  D: conv 4x4/2 (+bias) -> LReLU 0.2 -> conv 4x4/2 (+bias) -> LReLU 0.2 -> flatten h -> linear (+bias)
     (+ projection <onehot @ E_D, h> for conditional variants)
Same losses (non-saturating / Wasserstein with gradient penalty or clipping), same optimizers (Adam eps 1e-8,
RMSprop alpha 0.99 eps 1e-8), same step structure: critic step = G forward (no grad) + D on [real; fake] as one
batch (+ penalty on interpolates); generator step = fresh z, G forward, D, backward into G only.
Run with: OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 benchmarks/torch_gan_step.py --threads 2
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

B, H, C, Z, W, EMB, K = 64, 28, 1, 100, 64, 50, 10


class G(nn.Module):
    def __init__(self, cond):
        super().__init__()
        self.cond = cond
        self.embed = nn.Linear(K, EMB, bias=False) if cond else None
        self.dense = nn.Linear(Z + (EMB if cond else 0), 7 * 7 * 2 * W, bias=False)
        self.bn0 = nn.BatchNorm2d(2 * W, eps=1e-5, momentum=0.1)
        self.up1 = nn.ConvTranspose2d(2 * W, W, 4, 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(W, eps=1e-5, momentum=0.1)
        self.up2 = nn.ConvTranspose2d(W, C, 4, 2, 1, bias=True)

    def forward(self, z, y):
        x = torch.cat([z, self.embed(y)], 1) if self.cond else z
        h = F.relu(self.bn0(self.dense(x).view(-1, 2 * W, 7, 7)))
        h = F.relu(self.bn1(self.up1(h)))
        return torch.tanh(self.up2(h))


class D(nn.Module):
    def __init__(self, cond):
        super().__init__()
        self.cond = cond
        self.c1 = nn.Conv2d(C, W, 4, 2, 1)
        self.c2 = nn.Conv2d(W, 2 * W, 4, 2, 1)
        self.out = nn.Linear(7 * 7 * 2 * W, 1)
        self.embed = nn.Linear(K, 7 * 7 * 2 * W, bias=False) if cond else None

    def forward(self, x, y):
        h = F.leaky_relu(self.c1(x), 0.2)
        h = F.leaky_relu(self.c2(h), 0.2).flatten(1)
        o = self.out(h).view(-1)
        if self.cond:
            o = o + (self.embed(y) * h).sum(1)
        return o


def make(variant):
    cond = variant in ("cdcgan", "cwgan")
    wasser = variant.startswith("wgan") or variant == "cwgan"
    clip = variant == "wgan-clip"
    g, d = G(cond), D(cond)
    if clip:
        og = torch.optim.RMSprop(g.parameters(), lr=5e-5, alpha=0.99, eps=1e-8)
        od = torch.optim.RMSprop(d.parameters(), lr=5e-5, alpha=0.99, eps=1e-8)
    elif wasser:
        og = torch.optim.Adam(g.parameters(), lr=1e-4, betas=(0.5, 0.9), eps=1e-8)
        od = torch.optim.Adam(d.parameters(), lr=1e-4, betas=(0.5, 0.9), eps=1e-8)
    else:
        og = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
        od = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-8)
    real = torch.rand(B, C, H, H) * 2 - 1
    y = F.one_hot(torch.arange(B) % K, K).float()

    def critic_step():
        with torch.no_grad():
            fake = g(torch.randn(B, Z), y)
        scores = d(torch.cat([real, fake]), torch.cat([y, y]))
        s_real, s_fake = scores[:B], scores[B:]
        if wasser:
            loss = s_fake.mean() - s_real.mean()
        else:
            loss = F.softplus(-s_real).mean() + F.softplus(s_fake).mean()
        if wasser and not clip:
            eps = torch.rand(B, 1, 1, 1)
            x_hat = (eps * real + (1 - eps) * fake).requires_grad_(True)
            grad, = torch.autograd.grad(d(x_hat, y).sum(), x_hat, create_graph=True)
            loss = loss + 10.0 * ((grad.flatten(1).norm(dim=1) - 1) ** 2).mean()
        od.zero_grad(set_to_none=True)
        loss.backward()
        od.step()
        if clip:
            with torch.no_grad():
                for p in d.parameters():
                    p.clamp_(-0.01, 0.01)
        return loss.item()

    def generator_step():
        scores = d(g(torch.randn(B, Z), y), y)
        loss = -scores.mean() if wasser else F.softplus(-scores).mean()
        og.zero_grad(set_to_none=True)
        loss.backward()
        og.step()
        return loss.item()

    return critic_step, generator_step


def timed(fn, warmup_s, measure_s):
    end = time.perf_counter() + warmup_s
    while time.perf_counter() < end:
        fn()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < measure_s or n < 5:
        fn()
        n += 1
    return (time.perf_counter() - start) / n * 1e3


def matmul_ms(n=2048):
    a, b = torch.randn(n, n), torch.randn(n, n)
    return timed(lambda: torch.mm(a, b).sum().item(), 2, 5)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--variants", default="dcgan,cdcgan,wgan,cwgan,wgan-clip")
    ap.add_argument("--warmup", type=float, default=4)
    ap.add_argument("--measure", type=float, default=10)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    out = {"torch": torch.__version__, "threads": args.threads}
    for v in args.variants.split(","):
        critic, gen = make(v)
        out[v] = {"critic_ms": timed(critic, args.warmup, args.measure),
                  "generator_ms": timed(gen, args.warmup, args.measure)}
        print(v, json.dumps(out[v]), flush=True)
    mm = matmul_ms()
    out["matmul2048_ms"] = mm
    out["matmul2048_gflops"] = 2 * 2048 ** 3 / mm / 1e6
    print(json.dumps(out))


if __name__ == "__main__":
    main()
