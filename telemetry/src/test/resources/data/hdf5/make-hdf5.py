"""Write the HDF5 episode files of hcert's tests with h5py (the HDF5 C library), in the layouts
of two embodied-AI data sets, and expected.json, what h5py reads back from them.

aloha_episode_0.hdf5: one episode of a bimanual ALOHA robot as its recording scripts write it
(observations/qpos, qvel, effort of 14 joints, images per camera, action; no time: 50 Hz).
robomimic_low_dim.hdf5: two demonstrations as robomimic stores them (data/demo_N/obs/...,
actions, rewards, dones; attributes num_samples and env_args).

Run: python3 make-hdf5.py  (Debian: apt install python3-h5py)
"""
import json
import math

import h5py
import numpy as np

ALOHA_JOINTS = [side + "_" + j for side in ("left", "right")
                for j in ("waist", "shoulder", "elbow", "forearm_roll", "wrist_angle", "wrist_rotate", "gripper")]
T = 100


def aloha():
    t = np.arange(T)
    qpos = np.array([[0.3 * math.sin(2 * math.pi * i / 50 + k) for k in range(14)] for i in t])
    qvel = np.array([[0.3 * 2 * math.pi / 50 * 50 * math.cos(2 * math.pi * i / 50 + k) for k in range(14)] for i in t])
    effort = np.array([[0.1 * k for k in range(14)] for _ in t])
    with h5py.File("aloha_episode_0.hdf5", "w", libver="earliest") as f:
        f.attrs["sim"] = False
        obs = f.create_group("observations")
        obs.create_dataset("qpos", data=qpos)
        obs.create_dataset("qvel", data=qvel, compression="gzip", chunks=(25, 14))
        obs.create_dataset("effort", data=effort.astype(np.float32))
        images = obs.create_group("images")
        images.create_dataset("cam_high", data=np.zeros((T, 12, 16, 3), dtype=np.uint8), chunks=(1, 12, 16, 3))
        f.create_dataset("action", data=qpos + 0.01)
    return {"frames": T, "qpos0": qpos[0].tolist(), "qvel_last": qvel[-1].tolist(), "effort0": effort[0].astype(np.float32).tolist()}


def robomimic():
    demos = {}
    with h5py.File("robomimic_low_dim.hdf5", "w") as f:
        data = f.create_group("data")
        data.attrs["env_args"] = json.dumps({"env_name": "Lift", "env_kwargs": {"control_freq": 20}})
        total = 0
        for d, n in enumerate((40, 60)):
            g = data.create_group("demo_%d" % d)
            i = np.arange(n)
            pos = np.array([[0.5 * math.sin(i_ / 10 + k) + 0.1 * d for k in range(7)] for i_ in i])
            g.create_dataset("obs/robot0_joint_pos", data=pos, compression="gzip")
            g.create_dataset("obs/robot0_joint_vel", data=np.array([[0.05 * math.cos(i_ / 10 + k) for k in range(7)] for i_ in i]))
            g.create_dataset("actions", data=np.zeros((n, 7)))
            g.create_dataset("rewards", data=(i == n - 1).astype(np.float64))
            g.create_dataset("dones", data=(i == n - 1).astype(np.int64))
            g.attrs["num_samples"] = n
            total += n
            demos["demo_%d" % d] = {"frames": n, "pos0": pos[0].tolist()}
        data.attrs["total"] = total
    return demos


expected = {"aloha_episode_0.hdf5": aloha(), "robomimic_low_dim.hdf5": robomimic(), "aloha_joints": ALOHA_JOINTS}
# read back with h5py, the reference reader: what hcert must see
with h5py.File("aloha_episode_0.hdf5") as f:
    assert f["observations/qpos"].shape == (T, 14)
    expected["aloha_episode_0.hdf5"]["datasets"] = sorted(k for k in ("action", "observations/qpos", "observations/qvel",
                                                                     "observations/effort", "observations/images/cam_high"))
with h5py.File("robomimic_low_dim.hdf5") as f:
    expected["robomimic_low_dim.hdf5"]["total"] = int(f["data"].attrs["total"])
with open("expected.json", "w") as out:
    json.dump(expected, out, indent=1)
    out.write("\n")
