package org.hcert.conformance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.family.KinematicFrame;
import org.hcert.telemetry.Vector3;
import org.jspecify.annotations.Nullable;

/**
 * Read the robot profile's {@code kinematics} section (already checked against the schema): every
 * frame's chain of links from the base, each a fixed transform ({@code xyz} in m, {@code rpy} in
 * rad) and optionally a revolute joint about {@code axis}. A chain's joint must be a declared joint,
 * and appear once in the chain; a joint needs a non-zero axis (normalised here), a fixed link has
 * none; frame names are unique. Each breach is a {@link ProfileException} naming file, line and field.
 */
final class KinematicsSection {

    private KinematicsSection() {}

    static List<KinematicFrame> frames(YamlDocument doc, List<DeclaredJoint> joints) {
        JsonNode section = doc.root().get("kinematics");
        if (section == null) {
            return List.of();
        }
        List<String> declared = joints.stream().map(DeclaredJoint::name).toList();
        List<KinematicFrame> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode frames = section.get("frames");
        for (int i = 0; i < frames.size(); i++) {
            String at = "/kinematics/frames/" + i;
            JsonNode f = frames.get(i);
            String name = f.get("name").asText();
            if (!names.add(name)) {
                throw doc.error(at + "/name", "frame %s is declared twice".formatted(name));
            }
            List<KinematicFrame.Link> chain = new ArrayList<>();
            Set<String> inChain = new HashSet<>();
            JsonNode links = f.get("chain");
            for (int k = 0; k < links.size(); k++) {
                chain.add(link(doc, at + "/chain/" + k, links.get(k), declared, inChain));
            }
            out.add(new KinematicFrame(name, f.get("kind").asText(), chain));
        }
        return out;
    }

    private static KinematicFrame.Link link(YamlDocument doc, String at, JsonNode l, List<String> declared, Set<String> inChain) {
        Vector3 xyz = vector(doc, at + "/xyz", l.get("xyz"));
        Vector3 rpy = vector(doc, at + "/rpy", l.get("rpy"));
        if (!l.has("joint")) {
            if (l.has("axis")) {
                throw doc.error(at + "/axis", "a fixed link has no axis; name the joint that turns about it (joint: …)");
            }
            return new KinematicFrame.Link("", xyz, rpy, Vector3.ZERO);
        }
        String joint = l.get("joint").asText();
        if (!declared.contains(joint)) {
            throw doc.error(at + "/joint", "joint %s is not declared under joints%s".formatted(joint, Suggest.closest(joint, declared)));
        }
        if (!inChain.add(joint)) {
            throw doc.error(at + "/joint", "joint %s appears twice in this chain".formatted(joint));
        }
        if (!l.has("axis")) {
            throw doc.error(at, "joint %s needs its rotation axis (axis: [x, y, z] in the link's frame)".formatted(joint));
        }
        Vector3 axis = vector(doc, at + "/axis", l.get("axis"));
        double norm = axis.norm();
        if (!(norm > 1e-9)) {
            throw doc.error(at + "/axis", "the axis of joint %s is zero; give the direction it turns about, e.g. [0, 0, 1]".formatted(joint));
        }
        return new KinematicFrame.Link(joint, xyz, rpy, new Vector3(axis.x() / norm, axis.y() / norm, axis.z() / norm));
    }

    private static Vector3 vector(YamlDocument doc, String at, @Nullable JsonNode n) {
        if (n == null) {
            return Vector3.ZERO;
        }
        Vector3 v = new Vector3(n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble());
        if (!v.isFinite()) {
            throw doc.error(at, "every component must be a finite number, got " + n);
        }
        return v;
    }
}
