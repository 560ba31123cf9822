#!/usr/bin/env python3
"""Trajectories of PyTorch's optimizers and learning-rate schedulers in float64, for djx's golden values.

Prints, as Java array literals, what TorchTrajectoriesTests (plugins/optim) compares djx against:

  * torch.optim.SGD with momentum, with momentum and dampening, and with Nesterov momentum, and
    torch.optim.AdamW (plain and AMSGrad), each for 8 steps on the test kit's standard quadratic
    f(w) = 1/2 sum_i a_i (w_i - c_i)^2, a = (0.5, 1, 2, 4), c = (1, -2, 0.5, 3), starting at
    (-1, 1, 2.5, 0), its variables in two parameters of sizes 3 and 1 (Quadratic.standard());
  * the learning rate of each of 12 epochs under StepLR, CosineAnnealingLR and LinearLR, at base rate
    0.1, in a loop that calls scheduler.step() after each epoch;
  * two optimizers under a scheduler on the same quadratic, 3 steps per epoch.

Row 0 of a trajectory is the start, row t the values after t steps, each row the parameters' values
concatenated, as OptimizerChecks.trajectory and ScheduleChecks.trajectory lay them out. The gradient is
written by hand, so autograd plays no part.

Usage: /usr/bin/python3 bench/optim_torch.py   (needs PyTorch: apt-get install -y python3-torch)
"""
import torch

torch.set_default_dtype(torch.float64)

A = torch.tensor([0.5, 1.0, 2.0, 4.0])
C = torch.tensor([1.0, -2.0, 0.5, 3.0])
START = torch.tensor([-1.0, 1.0, 2.5, 0.0])
SIZES = (3, 1)


def new_parameters():
    return [p.clone().requires_grad_(True) for p in torch.split(START, SIZES)]


def write_gradients(params):
    with torch.no_grad():
        w = torch.cat([p.detach() for p in params])
        for p, g in zip(params, torch.split(A * (w - C), SIZES)):
            p.grad = g.clone()


def values(params):
    return torch.cat([p.detach() for p in params]).tolist()


def run(make_optimizer, make_scheduler=None, epochs=8, steps_per_epoch=1):
    params = new_parameters()
    optimizer = make_optimizer(params)
    scheduler = make_scheduler(optimizer) if make_scheduler else None
    rows = [values(params)]
    for _ in range(epochs):
        for _ in range(steps_per_epoch):
            write_gradients(params)
            optimizer.step()
            rows.append(values(params))
        if scheduler:
            scheduler.step()
    return rows


def rates(make_scheduler, epochs=12, base=0.1):
    """The rate each epoch trains at: read before the epoch's step, then scheduler.step()."""
    p = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=base)
    scheduler = make_scheduler(optimizer)
    out = []
    for _ in range(epochs):
        out.append(optimizer.param_groups[0]["lr"])
        p.grad = torch.zeros(1)
        optimizer.step()
        scheduler.step()
    return out


def java(value):
    return repr(float(value))


def print_matrix(name, settings, rows):
    print(f"    // {settings}")
    print(f"    private static final double[][] {name} = {{")
    for row in rows:
        print("            {" + ", ".join(java(v) for v in row) + "},")
    print("    };")


def print_vector(name, settings, row):
    print(f"    // {settings}")
    print(f"    private static final double[] {name} = {{" + ", ".join(java(v) for v in row) + "};")


def main():
    print(f"    // PyTorch {torch.__version__}, float64: /usr/bin/python3 bench/optim_torch.py")
    sgd = torch.optim.SGD
    adamw = torch.optim.AdamW
    print_matrix("SGD_MOMENTUM", "SGD(lr=0.05, momentum=0.9, weight_decay=0.1)",
                 run(lambda p: sgd(p, lr=0.05, momentum=0.9, weight_decay=0.1)))
    print_matrix("SGD_DAMPENED", "SGD(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1)",
                 run(lambda p: sgd(p, lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1)))
    print_matrix("SGD_NESTEROV", "SGD(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1)",
                 run(lambda p: sgd(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1)))
    print_matrix("ADAMW", "AdamW(lr=0.05, weight_decay=0.1)",
                 run(lambda p: adamw(p, lr=0.05, weight_decay=0.1)))
    print_matrix("ADAMW_DEFAULTS", "AdamW(lr=0.001)",
                 run(lambda p: adamw(p, lr=0.001)))
    print_matrix("ADAMW_AMSGRAD", "AdamW(lr=0.2, betas=(0.5, 0.9), eps=1e-6, weight_decay=0.3, amsgrad=True)",
                 run(lambda p: adamw(p, lr=0.2, betas=(0.5, 0.9), eps=1e-6, weight_decay=0.3, amsgrad=True)))

    lr = torch.optim.lr_scheduler
    print_vector("STEP_RATES", "StepLR(step_size=3, gamma=0.5), lr 0.1, 12 epochs",
                 rates(lambda o: lr.StepLR(o, step_size=3, gamma=0.5)))
    print_vector("COSINE_RATES", "CosineAnnealingLR(T_max=12, eta_min=0.001), lr 0.1, 12 epochs",
                 rates(lambda o: lr.CosineAnnealingLR(o, T_max=12, eta_min=0.001)))
    print_vector("COSINE_SHORT_RATES", "CosineAnnealingLR(T_max=5), lr 0.1, 12 epochs (past T_max)",
                 rates(lambda o: lr.CosineAnnealingLR(o, T_max=5)))
    print_vector("LINEAR_RATES", "LinearLR(start_factor=0.25, end_factor=1.0, total_iters=4), lr 0.1, 12 epochs",
                 rates(lambda o: lr.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=4)))
    print_vector("LINEAR_DEFAULT_RATES", "LinearLR() (start_factor=1/3, end_factor=1, total_iters=5), lr 0.1, 12 epochs",
                 rates(lambda o: lr.LinearLR(o)))
    print_vector("LINEAR_DECAY_RATES", "LinearLR(start_factor=1.0, end_factor=0.0, total_iters=10), lr 0.1, 12 epochs",
                 rates(lambda o: lr.LinearLR(o, start_factor=1.0, end_factor=0.0, total_iters=10)))

    print_matrix("ADAMW_COSINE", "AdamW(lr=0.1, weight_decay=0.05) under CosineAnnealingLR(T_max=4), 4 epochs of 3 steps",
                 run(lambda p: adamw(p, lr=0.1, weight_decay=0.05),
                     lambda o: lr.CosineAnnealingLR(o, T_max=4), epochs=4, steps_per_epoch=3))
    print_matrix("NESTEROV_STEP", "SGD(lr=0.05, momentum=0.9, nesterov=True) under StepLR(step_size=2, gamma=0.5),"
                 " 4 epochs of 3 steps",
                 run(lambda p: sgd(p, lr=0.05, momentum=0.9, nesterov=True),
                     lambda o: lr.StepLR(o, step_size=2, gamma=0.5), epochs=4, steps_per_epoch=3))
    print_matrix("SGD_WARMUP", "SGD(lr=0.1, momentum=0.5) under LinearLR(start_factor=0.2, total_iters=3), 4 epochs of 3 steps",
                 run(lambda p: sgd(p, lr=0.1, momentum=0.5),
                     lambda o: lr.LinearLR(o, start_factor=0.2, total_iters=3), epochs=4, steps_per_epoch=3))


if __name__ == "__main__":
    main()
