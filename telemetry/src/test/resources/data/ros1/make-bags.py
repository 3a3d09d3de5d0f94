#!/usr/bin/python3
"""Write the ROS 1 test bags with the reference writer, and what the reference reader reads from them.

Run with Debian's ROS 1 Python packages (bookworm: python3-rosbag, python3-roslz4, python3-sensor-msgs,
python3-nav-msgs, python3-geometry-msgs, all 1.15/1.13, BSD licence):

    /usr/bin/python3 make-bags.py

The bags hold 2 s of a small robot: /joint_states (sensor_msgs/JointState, 4 joints, 100 Hz),
/imu (sensor_msgs/Imu, 100 Hz), /odom (nav_msgs/Odometry, 50 Hz, written 150 ms late, so chunks
overlap in time) and /rosout (rosgraph_msgs/Log, a type hcert does not map). Small chunks (4 KB)
give many of them. Written: robot-none.bag, robot-bz2.bag, robot-lz4.bag (the same messages,
three chunk compressions), robot-unindexed.bag (a copy taken after the writer
flushed its last chunk but before it closed the bag: no index), and expected.json (per bag, rosbag's own reading: every
message's topic and time in the order rosbag.Bag.read_messages gives them, and the first joint
state's values).
"""
import json
import math
import os
import shutil

import rosbag
import rospy
from geometry_msgs.msg import Quaternion, Vector3
from nav_msgs.msg import Odometry
from rosgraph_msgs.msg import Log
from sensor_msgs.msg import Imu, JointState

START = 1767261600  # 2026-01-01T10:00:00Z
JOINTS = ["left_hip", "left_knee", "right_hip", "right_knee"]


def stamp(ms):
    return rospy.Time(START + ms // 1000, (ms % 1000) * 1_000_000)


def messages():
    """(topic, message, time) in the order they are written."""
    out = []
    for ms in range(0, 2000, 10):
        t = stamp(ms)
        js = JointState()
        js.header.stamp = t
        js.header.frame_id = "base_link"
        js.name = JOINTS
        js.position = [0.1 * math.sin(ms / 100.0 + k) for k in range(4)]
        js.velocity = [0.01 * math.cos(ms / 100.0 + k) for k in range(4)]
        js.effort = [1.5 * k for k in range(4)]
        out.append(("/joint_states", js, t))
        imu = Imu()
        imu.header.stamp = t
        imu.header.frame_id = "imu_link"
        imu.orientation = Quaternion(0, 0, 0, 1)
        imu.angular_velocity = Vector3(0, 0, 0.01)
        imu.linear_acceleration = Vector3(0, 0, 9.81)
        out.append(("/imu", imu, t))
        if ms % 20 == 0 and ms >= 150:
            # the odometry of 150 ms earlier, written now
            late = stamp(ms - 150)
            odom = Odometry()
            odom.header.stamp = late
            odom.header.frame_id = "odom"
            odom.child_frame_id = "base_link"
            odom.pose.pose.orientation = Quaternion(0, 0, 0, 1)
            odom.twist.twist.linear = Vector3(0.2, 0, 0)
            out.append(("/odom", odom, late))
        if ms % 1000 == 0:
            log = Log()
            log.header.stamp = t
            log.level = Log.INFO
            log.name = "/robot"
            log.msg = "tick %d" % ms
            out.append(("/rosout", log, t))
    return out


def write(path, compression, close=True):
    bag = rosbag.Bag(path, "w", compression=compression, chunk_threshold=4096)
    for topic, msg, t in messages():
        bag.write(topic, msg, t)
    if not close:
        bag.flush()
        shutil.copyfile(path, path + ".partial")
    bag.close()
    if not close:
        os.replace(path + ".partial", path)


def read(path):
    with rosbag.Bag(path) as bag:
        seen = []
        first = None
        for topic, msg, t in bag.read_messages():
            seen.append([topic, t.to_nsec()])
            if topic == "/joint_states" and first is None:
                first = {"name": list(msg.name), "position": list(msg.position), "velocity": list(msg.velocity),
                         "effort": list(msg.effort), "stampNs": msg.header.stamp.to_nsec()}
        return {"messages": seen, "firstJointState": first}


if __name__ == "__main__":
    expected = {}
    for name, compression in [("robot-none.bag", "none"), ("robot-bz2.bag", "bz2"), ("robot-lz4.bag", "lz4")]:
        write(name, compression)
        expected[name] = read(name)
    write("robot-unindexed.bag", "none", close=False)  # flushed, not closed
    with open("expected.json", "w") as f:
        json.dump(expected, f, indent=0)
        f.write("\n")
